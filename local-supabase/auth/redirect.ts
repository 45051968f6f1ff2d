import type { StackOptions } from '../handler.ts'
import type { SessionJson } from './sessions.ts'

function allowedOrigins(opts: StackOptions): Set<string> {
  const origins = new Set<string>()
  for (const candidate of [opts.siteUrl, ...opts.allowedRedirectOrigins]) {
    try {
      origins.add(new URL(candidate).origin)
    } catch {
      // A malformed configured origin simply allows nothing.
    }
  }
  return origins
}

/** The URL itself when it is http(s) on an allowed origin, else null. */
function allowed(candidate: string | null, opts: StackOptions): string | null {
  if (!candidate) return null
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  return allowedOrigins(opts).has(url.origin) ? url.href : null
}

/**
 * GoTrue's getRedirectURLOrReferrer: `redirect_to` if allowed, else the Referer if allowed,
 * else the site URL. A foreign URL is never redirected to.
 */
export function resolveRedirect(
  redirectTo: string | null,
  referer: string | null,
  opts: StackOptions,
): string {
  return allowed(redirectTo, opts) ?? allowed(referer, opts) ?? opts.siteUrl
}

/** Every origin a redirect may target, for the picker page's CSP `form-action`. */
export function redirectOrigins(opts: StackOptions): string[] {
  return [...allowedOrigins(opts)]
}

export function withCode(target: string, code: string): string {
  const url = new URL(target)
  url.searchParams.set('code', code)
  return url.href
}

/** The implicit flow's tokens travel in the fragment, never in the query. */
export function withTokens(target: string, session: SessionJson): string {
  const url = new URL(target)
  url.hash = new URLSearchParams({
    access_token: session.access_token,
    expires_at: String(session.expires_at),
    expires_in: String(session.expires_in),
    refresh_token: session.refresh_token,
    token_type: session.token_type,
  }).toString()
  return url.href
}

/**
 * GoTrue's prepErrorRedirectURL: the error in the fragment always, and in the query too
 * for PKCE (where auth-js looks for it).
 */
export function withError(
  target: string,
  error: { error: string; code?: string; description: string },
  pkce: boolean,
): string {
  const url = new URL(target)
  const params = new URLSearchParams({ error: error.error })
  if (error.code) params.set('error_code', error.code)
  params.set('error_description', error.description)
  if (pkce) for (const [key, value] of params) url.searchParams.set(key, value)
  url.hash = params.toString()
  return url.href
}
