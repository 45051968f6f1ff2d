import type { RequestContext } from '../db/types.ts'
import { verifyJwt } from '../jwt.ts'

const API_ROLES = new Set<string>(['anon', 'authenticated', 'service_role'])

/** Who a socket or channel acts as: the role and claims RLS sees, and when that ends. */
export interface RealtimeAuth {
  token: string
  context: RequestContext
  /** Unix seconds, from the token's `exp`. */
  exp: number
}

/** `message` is supabase/realtime's wording (join errors prefix it with "InvalidJWTToken: "). */
export type AuthResult = { ok: true; auth: RealtimeAuth } | { ok: false; message: string }

export async function authenticate(token: string, secret: string): Promise<AuthResult> {
  const verified = await verifyJwt(token, secret)
  if (!verified.ok) {
    const claims = unverifiedClaims(token)
    if (!claims) return { ok: false, message: 'The token provided is not a valid JWT' }
    if (verified.error.kind === 'expired') {
      const ago = Math.max(0, Math.floor(Date.now() / 1000) - Number(claims.exp))
      return { ok: false, message: `Token has expired ${ago} seconds ago` }
    }
    return { ok: false, message: 'Signature verification failed' }
  }
  const { role, exp } = verified.claims
  // supabase/realtime refuses tokens without both, even valid ones.
  if (typeof role !== 'string' || typeof exp !== 'number') {
    return { ok: false, message: 'Fields `role` and `exp` are required in JWT' }
  }
  if (!API_ROLES.has(role)) return { ok: false, message: `role "${role}" does not exist` }
  return {
    ok: true,
    auth: {
      token,
      context: { role: role as RequestContext['role'], claims: verified.claims },
      exp,
    },
  }
}

function unverifiedClaims(token: string): Record<string, unknown> | null {
  const parts = token.split('.')
  if (parts.length !== 3) return null
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
    return claims && typeof claims === 'object' ? claims : null
  } catch {
    return null
  }
}

export function isExpired(auth: RealtimeAuth, nowMs = Date.now()): boolean {
  return auth.exp * 1000 <= nowMs
}
