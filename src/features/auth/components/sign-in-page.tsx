import { useEffect } from 'react'
import { TrendingUp, UserRound } from 'lucide-react'
import { Navigate, useNavigate, useSearchParams } from 'react-router'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { GoogleMark } from '@/components/ui/google-mark'
import { PageTitle } from '@/components/ui/page-title'
import { useSession } from '@/lib/use-session'
import { safeNext, useSignInAsGuest, useSignInWithGoogle } from '../api/sign-in'

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
          Guest portfolios live in this browser only: signing out ends them, unless you link a
          Google account from your account page.
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
