import * as Sentry from '@sentry/browser'
import { logger } from './logger'
import { SENTRY_TUNNEL } from './same-origin-endpoints'

interface ErrorReportingOptions {
  dsn: string
  release: string
  environment: string
  /** Where envelopes go; the site's own proxied path unless a test points it elsewhere. */
  tunnel?: string
}

/**
 * Sentry error reporting (VITE_SENTRY_DSN): uncaught errors and unhandled rejections through
 * the SDK's own handlers, plus every `logger.error` (the error boundary reports through it).
 * Envelopes go to the site's own origin (SENTRY_TUNNEL), which the host forwards to Sentry, so
 * the CSP stays "self + Supabase". Returns a function that stops reporting.
 */
export function startErrorReporting({ dsn, release, environment, tunnel }: ErrorReportingOptions) {
  const client = Sentry.init({
    dsn,
    release,
    environment,
    tunnel: tunnel ?? SENTRY_TUNNEL,
  })
  const removeSink = logger.addSink((level, message, fields) => {
    if (level === 'error') Sentry.captureMessage(message, { level: 'error', extra: fields })
  })
  return async () => {
    removeSink()
    await client?.close(2000)
  }
}
