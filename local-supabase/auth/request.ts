import type { z } from 'zod'
import type { Queryable } from '../db/types.ts'
import type { StackOptions } from '../handler.ts'
import { verifyJwt, type JwtClaims } from '../jwt.ts'
import { AuthError, badRequest, forbidden } from './errors.ts'
import { findUser, type UserRow } from './users.ts'

/** GoTrue's admin roles (`GOTRUE_JWT_ADMIN_ROLES`). */
const ADMIN_ROLES = new Set(['service_role', 'supabase_admin'])
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isUuid(value: string): boolean {
  return UUID.test(value)
}

/**
 * The request body as JSON checked against `schema`. Like Go's json.Unmarshal into a struct,
 * unparsable JSON and wrongly typed fields are both `bad_json`; an empty body is `{}`.
 */
export async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const text = await request.text()
  let raw: unknown = {}
  if (text.trim() !== '') {
    try {
      raw = JSON.parse(text)
    } catch (error) {
      throw badRequest(
        'bad_json',
        `Could not parse request body as JSON: ${(error as Error).message}`,
      )
    }
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue.path.length ? ` (${issue.path.join('.')})` : ''
    throw badRequest('bad_json', `Could not parse request body as JSON: ${issue.message}${where}`)
  }
  return parsed.data
}

/** Only `Authorization: Bearer`, as GoTrue's extractBearerToken (never the apikey). */
function bearer(request: Request): string {
  const match = /^bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')
  if (!match) {
    throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token')
  }
  return match[1]
}

async function claimsOf(request: Request, opts: StackOptions): Promise<JwtClaims> {
  const verified = await verifyJwt(bearer(request), opts.jwtSecret)
  if (!verified.ok) {
    const reason =
      verified.error.kind === 'expired'
        ? 'token has invalid claims: token is expired'
        : verified.error.message
    throw forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${reason}`)
  }
  return verified.claims
}

export interface Authenticated {
  claims: JwtClaims
  user: UserRow
  sessionId: string | null
}

/** GoTrue's requireAuthentication + maybeLoadUserOrSession, with its exact error codes. */
export async function authenticate(
  tx: Queryable,
  request: Request,
  opts: StackOptions,
  options: { forUpdate?: boolean } = {},
): Promise<Authenticated> {
  const claims = await claimsOf(request, opts)
  if (typeof claims.sub !== 'string' || claims.sub === '') {
    throw forbidden('bad_jwt', 'invalid claim: missing sub claim')
  }
  if (!isUuid(claims.sub)) throw badRequest('bad_jwt', 'invalid claim: sub claim must be a UUID')
  const user = await findUser(tx, claims.sub, options.forUpdate)
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist')
  const sessionId = typeof claims.session_id === 'string' ? claims.session_id : null
  if (sessionId) {
    if (!isUuid(sessionId)) {
      throw forbidden('bad_jwt', 'invalid claim: session_id claim must be a UUID')
    }
    const { rows } = await tx.query('select 1 from auth.sessions where id = $1', [sessionId])
    if (rows.length === 0) {
      throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist')
    }
  }
  return { claims, user, sessionId }
}

export async function requireAdmin(request: Request, opts: StackOptions): Promise<void> {
  const claims = await claimsOf(request, opts)
  if (typeof claims.role !== 'string' || !ADMIN_ROLES.has(claims.role)) {
    throw forbidden('not_admin', 'User not allowed')
  }
}
