import { useEffect, useRef, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { Card } from '@/components/ui/card'
import { PageTitle } from '@/components/ui/page-title'
import { toast } from '@/components/ui/toast-store'
import { exchangeCode } from '../api/exchange-code'
import { safeNext } from '../api/sign-in'

/** Why linking Google to a guest failed, for the reasons GoTrue gives (`error_code`). */
const linkErrors: Record<string, string> = {
  identity_already_exists:
    'That Google account already has its own StockTrade account. To use it, sign out and sign in with Google; this guest portfolio is separate.',
  email_exists:
    'An account with that Google address already exists. To use it, sign out and sign in with Google; this guest portfolio is separate.',
}

/**
 * Google (or the local account picker) redirects here with ?code= (or ?error=...). The code is
 * exchanged once (StrictMode runs effects twice; a PKCE code is single-use). `linked=google`
 * marks the return from linking Google to a guest (account page) rather than a sign-in.
 */
export function AuthCallbackPage() {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const linking = params.get('linked') === 'google'
  const providerError =
    (linking ? linkErrors[params.get('error_code') ?? ''] : undefined) ??
    params.get('error_description') ??
    params.get('error')
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
      .then(() => {
        if (linking) {
          // Same user, new name and picture (the profile takes Google's): read them again.
          void queryClient.invalidateQueries()
          toast({
            title: 'Google account linked',
            description:
              'Your portfolio, orders and history are kept. Sign in with Google to return to them.',
            tone: 'success',
          })
        }
        return navigate(next, { replace: true })
      })
      .catch((caught: Error) => setExchangeError(caught.message))
  }, [code, providerError, navigate, next, linking, queryClient])

  return linking ? (
    <CallbackCard
      error={error}
      failed="Google was not linked"
      busy="Linking your Google account…"
      busyText="Completing the link with Google."
      back={{ to: next, label: 'Back to your account' }}
    />
  ) : (
    <CallbackCard
      error={error}
      failed="Sign-in did not complete"
      busy="Signing you in…"
      busyText="Completing sign-in with Google."
      back={{ to: `/sign-in?next=${encodeURIComponent(next)}`, label: 'Try again' }}
    />
  )
}

function CallbackCard({
  error,
  failed,
  busy,
  busyText,
  back,
}: {
  error: string | null
  /** The heading (and tab title) when it failed, and while it completes. */
  failed: string
  busy: string
  busyText: string
  back: { to: string; label: string }
}) {
  return (
    <div className="mx-auto max-w-md py-10">
      <PageTitle>{error ? failed : busy.replace('…', '')}</PageTitle>
      <Card className="flex flex-col gap-3 p-6 text-center">
        {error ? (
          <>
            <h1 className="text-lg font-semibold">{failed}</h1>
            <p role="alert" className="text-sm text-muted">
              {error}
            </p>
            <Link to={back.to} className="text-sm font-medium text-link underline">
              {back.label}
            </Link>
          </>
        ) : (
          <>
            <h1 className="text-lg font-semibold">{busy}</h1>
            <p role="status" className="text-sm text-muted">
              {busyText}
            </p>
          </>
        )}
      </Card>
    </div>
  )
}
