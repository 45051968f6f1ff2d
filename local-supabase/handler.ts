import type { Db } from './db/types.ts'

/**
 * Every HTTP part of the stack is a fetch-style handler. The server mounts each under its
 * prefix (`/auth/v1`, `/rest/v1`, `/realtime/v1`) and hands it the request with the full
 * URL; CORS, body-size limits and OPTIONS preflight are the server's job, not the handler's.
 */
export type Handler = (request: Request) => Promise<Response>

export interface StackOptions {
  db: Db
  jwtSecret: string
  /** Public base URL of the stack, e.g. http://127.0.0.1:54321 (JWT `iss` is `${url}/auth/v1`). */
  publicUrl: string
  /** Origins auth may redirect to (Vite dev/preview and SITE_URL). */
  allowedRedirectOrigins: string[]
  siteUrl: string
  /** `[auth] enable_manual_linking` (linkIdentity); on, as in supabase/config.toml, if unset. */
  manualLinking?: boolean
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  })
}
