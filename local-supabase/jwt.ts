import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose'
import type { RequestContext } from './db/types.ts'

const API_ROLES = new Set(['anon', 'authenticated', 'service_role'])

export type JwtClaims = JWTPayload & { role?: string; [claim: string]: unknown }

export type JwtFailure = { kind: 'expired'; message: string } | { kind: 'invalid'; message: string }

export function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret)
}

export async function signJwt(claims: JwtClaims, secret: string): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(secretKey(secret))
}

/**
 * Verifies an HS256 token. `alg: none`, other algorithms, bad signatures and malformed
 * tokens are all `invalid`; an elapsed `exp` is `expired` (PostgREST's "JWT expired").
 */
export async function verifyJwt(
  token: string,
  secret: string,
): Promise<{ ok: true; claims: JwtClaims } | { ok: false; error: JwtFailure }> {
  try {
    const { payload } = await jwtVerify(token, secretKey(secret), { algorithms: ['HS256'] })
    return { ok: true, claims: payload as JwtClaims }
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) {
      return { ok: false, error: { kind: 'expired', message: 'JWT expired' } }
    }
    const detail = error instanceof Error ? error.message : String(error)
    return { ok: false, error: { kind: 'invalid', message: detail } }
  }
}

export function bearerToken(headers: Headers): string | null {
  const authorization = headers.get('authorization')
  if (authorization) {
    const match = /^bearer\s+(.+)$/i.exec(authorization.trim())
    return match ? match[1].trim() : authorization.trim()
  }
  return headers.get('apikey')
}

/**
 * Turns a request's bearer token (or bare `apikey`) into the role and claims PostgREST
 * would run it as. No token at all means `anon` with empty claims.
 */
export async function requestContext(
  headers: Headers,
  secret: string,
): Promise<{ ok: true; context: RequestContext } | { ok: false; error: JwtFailure }> {
  const token = bearerToken(headers)
  if (!token) return { ok: true, context: { role: 'anon', claims: {} } }
  const verified = await verifyJwt(token, secret)
  if (!verified.ok) return verified
  const role = typeof verified.claims.role === 'string' ? verified.claims.role : 'anon'
  if (!API_ROLES.has(role)) {
    return { ok: false, error: { kind: 'invalid', message: `role "${role}" does not exist` } }
  }
  return {
    ok: true,
    context: { role: role as RequestContext['role'], claims: verified.claims },
  }
}
