import type { IncomingMessage } from 'node:http'

/** What hosted Supabase's gateway lets a browser send and read (design doc, "Common"). */
const ALLOW_HEADERS = [
  'apikey',
  'authorization',
  'x-client-info',
  'content-type',
  'accept-profile',
  'content-profile',
  'prefer',
  'x-retry-count',
  'x-supabase-api-version',
]
const EXPOSE_HEADERS = ['Content-Range', 'X-Supabase-Api-Version', 'Content-Location', 'Location']
const ALLOW_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS'

/** Headers for every response: the caller's origin reflected (or `*` without one). */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin
  return {
    'access-control-allow-origin': origin ?? '*',
    'access-control-expose-headers': EXPOSE_HEADERS.join(', '),
    ...(origin ? { vary: 'Origin' } : {}),
  }
}

/**
 * A preflight answer. Headers the browser asks for beyond the list are allowed too, as
 * Kong's CORS plugin does by default, so a newer client header never breaks the app.
 */
export function preflightHeaders(req: IncomingMessage): Record<string, string> {
  const requested = (req.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h && !ALLOW_HEADERS.includes(h))
  return {
    ...corsHeaders(req),
    'access-control-allow-methods': ALLOW_METHODS,
    'access-control-allow-headers': [...ALLOW_HEADERS, ...requested].join(', '),
    'access-control-max-age': '86400',
  }
}
