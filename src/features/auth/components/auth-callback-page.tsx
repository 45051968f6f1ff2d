import { useEffect, useRef, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { Card } from '@/components/ui/card'
import { PageTitle } from '@/components/ui/page-title'
import { exchangeCode } from '../api/exchange-code'
import { safeNext } from '../api/sign-in'

/**
 * Google (or the local account picker) redirects here with ?code= (or ?error=...). The code is
 * exchanged once (StrictMode runs effects twice; a PKCE code is single-use).
 */
export function AuthCallbackPage() {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const providerError = params.get('error_description') ?? params.get('error')
  const code = params.get('code')
  const [exchangeError, setExchangeError] = useState<string | null>(null)
  const started = useRef(false)
  const next = safeNext(params.get('next'))
  const error =
    providerError ??
    (code ? exchangeError : 'The sign-in link is missing its code. Please start again.')

  useEffect(() => {
    if (started.current || providerError || !code) return
    started.current = true
    exchangeCode(code)
      .then(() => navigate(next, { replace: true }))
      .catch((caught: Error) => setExchangeError(caught.message))
  }, [code, providerError, navigate, next])

  return (
    <div className="mx-auto max-w-md py-10">
      <PageTitle>{error ? 'Sign-in did not complete' : 'Signing in'}</PageTitle>
      <Card className="flex flex-col gap-3 p-6 text-center">
        {error ? (
          <>
            <h1 className="text-lg font-semibold">Sign-in did not complete</h1>
            <p role="alert" className="text-sm text-muted">
              {error}
            </p>
            <Link
              to={`/sign-in?next=${encodeURIComponent(next)}`}
              className="text-sm font-medium text-link underline"
            >
              Try again
            </Link>
          </>
        ) : (
          <>
            <h1 className="text-lg font-semibold">Signing you in…</h1>
            <p role="status" className="text-sm text-muted">
              Completing sign-in with Google.
            </p>
          </>
        )}
      </Card>
    </div>
  )
}
