import type { RequestContext } from '../db/types.ts'
import { verifyJwt } from '../jwt.ts'

const API_ROLES = new Set<string>(['anon', 'authenticated', 'service_role'])

/** Who a socket or channel acts as: the role and claims RLS sees, and when that ends. */
export interface RealtimeAuth {
  token: string
  context: RequestContext
  /** Unix seconds, from the token's `exp`; null when it never expires. */
  exp: number | null
}

export type AuthResult = { ok: true; auth: RealtimeAuth } | { ok: false; reason: string }

/**
 * supabase/realtime's wording, which realtime-js surfaces as the subscribe error message:
 * "InvalidJWTToken: Token has expired N seconds ago".
 */
export async function authenticate(token: string, secret: string): Promise<AuthResult> {
  const verified = await verifyJwt(token, secret)
  if (!verified.ok) {
    if (verified.error.kind === 'expired') {
      return {
        ok: false,
        reason: `InvalidJWTToken: Token has expired ${expiredAgo(token)} seconds ago`,
      }
    }
    return { ok: false, reason: `InvalidJWTToken: ${verified.error.message}` }
  }
  const role = typeof verified.claims.role === 'string' ? verified.claims.role : 'anon'
  if (!API_ROLES.has(role)) {
    return { ok: false, reason: `InvalidJWTToken: role "${role}" does not exist` }
  }
  return {
    ok: true,
    auth: {
      token,
      context: { role: role as RequestContext['role'], claims: verified.claims },
      exp: typeof verified.claims.exp === 'number' ? verified.claims.exp : null,
    },
  }
}

function expiredAgo(token: string): number {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'))
    return Math.max(0, Math.floor(Date.now() / 1000) - Number(claims.exp))
  } catch {
    return 0
  }
}

export function isExpired(auth: RealtimeAuth, nowMs = Date.now()): boolean {
  return auth.exp !== null && auth.exp * 1000 <= nowMs
}
