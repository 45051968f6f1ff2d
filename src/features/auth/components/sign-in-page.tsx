import { useEffect } from 'react'
import { TrendingUp, UserRound } from 'lucide-react'
import { Navigate, useNavigate, useSearchParams } from 'react-router'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { PageTitle } from '@/components/ui/page-title'
import { useSession } from '@/lib/use-session'
import { safeNext, useSignInAsGuest, useSignInWithGoogle } from '../api/sign-in'

function GoogleMark() {
  return (
    <svg viewBox="0 0 24 24" className="size-5" aria-hidden="true">
      <path
        fill="#4285F4"
        d="M23.5 12.3c0-.8-.1-1.6-.2-2.3H12v4.4h6.5a5.6 5.6 0 0 1-2.4 3.6v3h3.9c2.3-2.1 3.5-5.2 3.5-8.7Z"
      />
      <path
        fill="#34A853"
        d="M12 24c3.2 0 6-1.1 8-2.9l-3.9-3c-1.1.7-2.4 1.2-4.1 1.2-3.1 0-5.8-2.1-6.7-5H1.3v3.1A12 12 0 0 0 12 24Z"
      />
      <path fill="#FBBC05" d="M5.3 14.3a7.2 7.2 0 0 1 0-4.6V6.6H1.3a12 12 0 0 0 0 10.8l4-3.1Z" />
      <path
        fill="#EA4335"
        d="M12 4.8c1.8 0 3.3.6 4.6 1.8l3.4-3.4A12 12 0 0 0 1.3 6.6l4 3.1c.9-2.9 3.6-4.9 6.7-4.9Z"
      />
    </svg>
  )
}

export function SignInPage() {
  const [params] = useSearchParams()
  const next = safeNext(params.get('next'))
  const session = useSession()
  const navigate = useNavigate()
  const google = useSignInWithGoogle()
  const guest = useSignInAsGuest()

  useEffect(() => {
    if (guest.isSuccess) navigate(next, { replace: true })
  }, [guest.isSuccess, navigate, next])

  if (session.status === 'signed-in' && !guest.isSuccess) return <Navigate to={next} replace />

  const error = google.error ?? guest.error
  const busy = google.isPending || guest.isPending
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6 py-8">
      <PageTitle>Sign in</PageTitle>
      <div className="flex flex-col items-center gap-2 text-center">
        <TrendingUp className="size-10 text-up" aria-hidden="true" />
        <h1 className="text-2xl font-semibold">Sign in to StockTrade</h1>
        <p className="text-sm text-muted">
          Start with $100,000 of virtual cash and trade real US stocks at live simulated prices.
        </p>
      </div>
      <Card className="flex flex-col gap-3 p-6">
        <Button
          variant="secondary"
          size="lg"
          loading={google.isPending}
          disabled={busy}
          onClick={() => google.mutate(next)}
        >
          <GoogleMark />
          Sign in with Google
        </Button>
        <Button
          variant="ghost"
          size="lg"
          loading={guest.isPending}
          disabled={busy}
          onClick={() => guest.mutate()}
        >
          <UserRound className="size-5" aria-hidden="true" />
          Try as guest
        </Button>
        <p className="text-center text-xs text-muted">
          Guest portfolios live in this browser only: signing out ends them.
        </p>
        {error && (
          <p role="alert" className="rounded-md bg-down-tint p-3 text-sm text-fg">
            Sign-in failed: {error.message}
          </p>
        )}
      </Card>
    </div>
  )
}
