import { init } from '@plausible-analytics/tracker'
import { ANALYTICS_ENDPOINT } from './same-origin-endpoints'

interface AnalyticsOptions {
  /** Where events go; the site's own proxied path unless a test points it elsewhere. */
  endpoint?: string
  /** Plausible ignores localhost; tests turn this on. */
  captureOnLocalhost?: boolean
}

/**
 * Page views (client-side navigations included) to Plausible, for the site registered there
 * under `domain` (VITE_ANALYTICS_ID). No cookies, no user id. Query strings and fragments are
 * dropped from every URL: /auth/callback carries a one-time sign-in code.
 */
export function startAnalytics(domain: string, options: AnalyticsOptions = {}) {
  init({
    domain,
    endpoint: options.endpoint ?? ANALYTICS_ENDPOINT,
    autoCapturePageviews: true,
    captureOnLocalhost: options.captureOnLocalhost ?? false,
    logging: false,
    bindToWindow: false,
    transformRequest: (payload) => ({ ...payload, u: withoutQuery(payload.u) }),
  })
}

function withoutQuery(href: string): string {
  const url = new URL(href)
  return `${url.origin}${url.pathname}`
}
