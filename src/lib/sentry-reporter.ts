import { logger } from './logger'

type Options = { dsn: string; release: string; environment: string }

/** Parses https://<key>@<host>/<project> into Sentry's envelope endpoint. */
export function envelopeUrl(dsn: string): string | null {
  try {
    const url = new URL(dsn)
    const project = url.pathname.replace(/^\//, '')
    if (!url.username || !project) return null
    return `${url.protocol}//${url.host}/api/${project}/envelope/?sentry_key=${url.username}&sentry_version=7`
  } catch {
    return null
  }
}

/**
 * A minimal Sentry client without the SDK: uncaught errors, unhandled rejections and
 * `logger.error` calls are sent as envelope events (message, stack, release, environment, URL).
 */
export function startSentryReporter({ dsn, release, environment }: Options) {
  const endpoint = envelopeUrl(dsn)
  if (!endpoint) {
    logger.warn('VITE_SENTRY_DSN is not a valid Sentry DSN; error reporting is off')
    return () => {}
  }

  function send(message: string, extra: Record<string, unknown>, stack?: string) {
    const eventId = crypto.randomUUID().replaceAll('-', '')
    const event = {
      event_id: eventId,
      timestamp: Date.now() / 1000,
      platform: 'javascript',
      level: 'error',
      release,
      environment,
      request: { url: location.href },
      exception: { values: [{ type: 'Error', value: message }] },
      extra: { ...extra, stack },
    }
    const body = [
      JSON.stringify({ event_id: eventId, dsn }),
      JSON.stringify({ type: 'event' }),
      JSON.stringify(event),
    ].join('\n')
    void fetch(endpoint!, { method: 'POST', body, keepalive: true }).catch(() => {})
  }

  const onError = (event: ErrorEvent) => send(event.message, {}, event.error?.stack)
  const onRejection = (event: PromiseRejectionEvent) => {
    const reason = event.reason
    send(reason instanceof Error ? reason.message : String(reason), {}, reason?.stack)
  }
  window.addEventListener('error', onError)
  window.addEventListener('unhandledrejection', onRejection)
  const removeSink = logger.addSink((level, message, fields) => {
    if (level === 'error') send(message, fields)
  })
  return () => {
    window.removeEventListener('error', onError)
    window.removeEventListener('unhandledrejection', onRejection)
    removeSink()
  }
}
