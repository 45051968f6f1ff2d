import type { IncomingMessage } from 'node:http'
import { ANON_KEY, SERVICE_ROLE_KEY } from './config.ts'

/** The services hosted Supabase's gateway puts behind key-auth (realtime checks its own key). */
const KEYED_PREFIXES = ['/auth/v1', '/rest/v1']

/**
 * Auth routes the gateway serves without a key: pages a browser reaches by redirect or form
 * post, which cannot carry the header (here also the local Google account picker).
 */
const OPEN_PATHS = new Set([
  '/auth/v1/authorize',
  '/auth/v1/callback',
  '/auth/v1/verify',
  '/auth/v1/picker',
])

const KEYS = new Set([ANON_KEY, SERVICE_ROLE_KEY])

export interface KeyRefusal {
  message: string
  hint: string
}

/**
 * The gateway's key-auth: the `apikey` header, else the `?apikey=` parameter, must be the
 * anon or service-role key. Null when the request may pass; else the 401 body hosted sends.
 */
export function apiKeyRefusal(req: IncomingMessage, pathname: string): KeyRefusal | null {
  const keyed = KEYED_PREFIXES.some(
    (prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`),
  )
  if (!keyed || OPEN_PATHS.has(pathname)) return null
  const header = req.headers.apikey
  const key =
    (typeof header === 'string' && header !== '' ? header : null) ??
    new URL(req.url ?? '/', 'http://stack').searchParams.get('apikey')
  if (!key) {
    return {
      message: 'No API key found in request',
      hint: 'No `apikey` request header or url param was found.',
    }
  }
  if (KEYS.has(key)) return null
  return {
    message: 'Invalid API key',
    hint: 'Double check your Supabase `anon` or `service_role` API key.',
  }
}

/**
 * The URL without its `apikey` parameters: the gateway hides the key from PostgREST
 * (hide_credentials), so a key given as `?apikey=` is neither a filter nor an RPC argument. The
 * other parameters are kept byte for byte.
 */
export function withoutApiKeyParam(url: string): string {
  const at = url.indexOf('?')
  if (at === -1) return url
  const kept = url
    .slice(at + 1)
    .split('&')
    .filter((part) => decodeName(part.split('=', 1)[0]) !== 'apikey')
  return kept.length ? `${url.slice(0, at)}?${kept.join('&')}` : url.slice(0, at)
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replaceAll('+', ' '))
  } catch {
    return name
  }
}
