import { jwtVerify, SignJWT } from 'jose'
import { secretKey } from '../jwt.ts'
import type { ChallengeMethod } from './pkce.ts'

/** How long the account picker may stay open (GoTrue gives the provider round trip 5 min). */
const STATE_TTL_SECONDS = 600

export interface OAuthState {
  provider: 'google'
  /** Where to send the browser back to, already checked against the allowed origins. */
  referrer: string
  pkce: { challenge: string; method: ChallengeMethod } | null
  /** Set when a signed-in user links Google to their account (`linkIdentity`), not signs in. */
  linkUserId: string | null
}

// Its own key, so a state can never pass for an access token (or the reverse).
function stateKey(jwtSecret: string): Uint8Array {
  return secretKey(`${jwtSecret}:local-oauth-state`)
}

/** GoTrue carries the flow through the provider in a signed `state`; so does the picker. */
export function signState(state: OAuthState, jwtSecret: string): Promise<string> {
  return new SignJWT({
    provider: state.provider,
    referrer: state.referrer,
    code_challenge: state.pkce?.challenge,
    code_challenge_method: state.pkce?.method,
    link_user_id: state.linkUserId ?? undefined,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(`${STATE_TTL_SECONDS}s`)
    .sign(stateKey(jwtSecret))
}

export async function verifyState(token: string, jwtSecret: string): Promise<OAuthState | null> {
  try {
    const { payload } = await jwtVerify(token, stateKey(jwtSecret), { algorithms: ['HS256'] })
    if (payload.provider !== 'google' || typeof payload.referrer !== 'string') return null
    const challenge = payload.code_challenge
    const method = payload.code_challenge_method
    let pkce: OAuthState['pkce'] = null
    if (typeof challenge === 'string' && (method === 's256' || method === 'plain')) {
      pkce = { challenge, method }
    }
    const linkUserId = typeof payload.link_user_id === 'string' ? payload.link_user_id : null
    return { provider: 'google', referrer: payload.referrer, pkce, linkUserId }
  } catch {
    return null
  }
}
