import { useEffect, useRef, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { Card } from '@/components/ui/card'
import { PageTitle } from '@/components/ui/page-title'
import { toast } from '@/components/ui/toast-store'
import { isLinkingCallback } from '@/lib/auth-callback-url'
import { queryKeys } from '@/lib/query-keys'
import { completeLink, linkErrorMessage } from '../api/complete-link'
import { exchangeCode } from '../api/exchange-code'
import { safeNext } from '../api/sign-in'

/**
 * Google (or the local account picker) redirects here with ?code= (or ?error=...). The code is
 * exchanged once (StrictMode runs effects twice; a PKCE code is single-use). A guest linking
 * Google (account page) comes back here too, told apart by isLinkingCallback.
 */
export function AuthCallbackPage() {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const linking = isLinkingCallback(params)
  const providerError =
    (linking
      ? linkErrorMessage(params.get('error_code'), params.get('error_description'))
      : null) ??
    // Google's answer when the user backs out of its consent screen (the stack's picker too)
    (params.get('error') === 'access_denied'
      ? 'You cancelled signing in with Google. Try again when you are ready.'
      : null) ??
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
    ;(linking ? completeLink(code) : exchangeCode(code))
      .then((session) => {
        if (linking) {
          // Same user; the profile took Google's name and picture (a database trigger).
          void queryClient.invalidateQueries({ queryKey: queryKeys.profile(session.user.id) })
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
      title={error ? 'Google was not linked' : 'Linking Google'}
      busy="Linking your Google account…"
      busyText="Completing the link with Google."
      back={{ to: next, label: 'Back to your account' }}
    />
  ) : (
    <CallbackCard
      error={error}
      title={error ? 'Sign-in did not complete' : 'Signing in'}
      busy="Signing you in…"
      busyText="Completing sign-in with Google."
      back={{ to: `/sign-in?next=${encodeURIComponent(next)}`, label: 'Try again' }}
    />
  )
}

function CallbackCard({
  error,
  title,
  busy,
  busyText,
  back,
}: {
  error: string | null
  /** The tab title, and the heading when it failed. */
  title: string
  /** The heading while it completes. */
  busy: string
  busyText: string
  back: { to: string; label: string }
}) {
  return (
    <div className="mx-auto max-w-md py-10">
      <PageTitle>{title}</PageTitle>
      <Card className="flex flex-col gap-3 p-6 text-center">
        {error ? (
          <>
            <h1 className="text-lg font-semibold">{title}</h1>
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
