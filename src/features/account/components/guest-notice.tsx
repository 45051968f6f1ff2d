import { Button } from '@/components/ui/button'
import { GoogleMark } from '@/components/ui/google-mark'
import { useLinkGoogle } from '../api/link-google'

/** A guest's portfolio ends at sign-out; linking Google keeps it (same user, same data). */
export function GuestNotice() {
  const link = useLinkGoogle()
  return (
    <div className="flex flex-col items-start gap-3 rounded-md bg-warn-tint p-3 text-sm">
      <p>
        You are trading as a guest. This portfolio lives in this browser only: signing out or
        clearing the site's data ends it for good. Link a Google account to keep it, with its orders
        and history, and sign in to it from anywhere.
      </p>
      <Button variant="secondary" loading={link.isPending} onClick={() => link.mutate()}>
        <GoogleMark />
        Link a Google account
      </Button>
      {link.error && (
        <p role="alert" className="text-down">
          Google could not be linked: {link.error.message}
        </p>
      )}
    </div>
  )
}
