import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { GoogleMark } from '@/components/ui/google-mark'
import { useLinkGoogle } from '@/features/account/api/link-google'

/**
 * A guest's portfolio ends at sign-out (the anonymous user cannot sign in again), so signing out
 * asks first and offers to link Google instead, which keeps it.
 */
export function GuestSignOutDialog({
  onClose,
  onSignOut,
  signingOut,
}: {
  onClose: () => void
  onSignOut: () => void
  signingOut: boolean
}) {
  const link = useLinkGoogle()
  return (
    <Dialog
      open
      onClose={onClose}
      // Wide enough for the three choices side by side from sm up.
      className="max-w-xl"
      dismissible={!signingOut && !link.isPending}
      title="Sign out and end this guest portfolio?"
      description="A guest portfolio lives in this browser only: signing out ends it, with its orders and history, for good. Link a Google account to keep it."
    >
      {link.error && (
        <p role="alert" className="mb-3 text-sm text-down">
          Google could not be linked: {link.error.message}
        </p>
      )}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose} disabled={signingOut} data-autofocus>
          Keep trading
        </Button>
        <Button
          variant="secondary"
          onClick={() => link.mutate()}
          loading={link.isPending}
          disabled={signingOut}
        >
          <GoogleMark />
          Link Google instead
        </Button>
        <Button variant="danger" onClick={onSignOut} loading={signingOut}>
          Sign out and end it
        </Button>
      </div>
    </Dialog>
  )
}
