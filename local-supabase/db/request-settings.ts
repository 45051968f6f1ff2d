import type { RequestContext } from './types.ts'

/**
 * The one statement both drivers run first in every `asRole` transaction: PostgREST's
 * transaction-local settings. `is_local = true` means they vanish at COMMIT/ROLLBACK, so a
 * pooled connection or the single PGlite session never leaks one request's identity into
 * the next.
 */
export const SET_REQUEST_SETTINGS = `select
  set_config('role', $1, true),
  set_config('request.jwt.claims', $2, true),
  set_config('request.method', $3, true),
  set_config('request.path', $4, true),
  set_config('request.headers', $5, true)`

export function requestSettingsParams(ctx: RequestContext): string[] {
  return [
    ctx.role,
    JSON.stringify(ctx.claims ?? {}),
    ctx.method ?? '',
    ctx.path ?? '',
    JSON.stringify(ctx.headers ?? {}),
  ]
}
