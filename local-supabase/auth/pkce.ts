import { createHash, timingSafeEqual } from 'node:crypto'
import { badRequest } from './errors.ts'

/** GoTrue's default `GOTRUE_EXTERNAL_FLOW_STATE_EXPIRY_DURATION`. */
export const FLOW_STATE_TTL_SECONDS = 300

export type ChallengeMethod = 's256' | 'plain'

/**
 * `/authorize`'s PKCE parameters, as GoTrue's validatePKCEParams: both or neither, a
 * 43–128 character challenge, method `s256` or `plain` in any case. Neither → implicit flow.
 */
export function parsePkceParams(
  challenge: string | null,
  method: string | null,
): { challenge: string; method: ChallengeMethod } | null {
  if (!challenge && !method) return null
  if (!challenge || !method) {
    throw badRequest(
      'validation_failed',
      'PKCE flow requires code_challenge_method and code_challenge',
    )
  }
  if (challenge.length < 43 || challenge.length > 128) {
    throw badRequest('validation_failed', 'code challenge has to be between 43 and 128 characters')
  }
  const normalized = method.toLowerCase()
  if (normalized !== 's256' && normalized !== 'plain') {
    throw badRequest('validation_failed', `unsupported code_challenge method "${method}"`)
  }
  return { challenge, method: normalized }
}

/** s256: base64url(SHA-256(verifier)) without padding; plain: the verifier itself. */
export function codeChallengeMatches(method: string, challenge: string, verifier: string): boolean {
  const derived =
    method.toLowerCase() === 's256'
      ? createHash('sha256').update(verifier).digest('base64url')
      : verifier
  const a = Buffer.from(derived)
  const b = Buffer.from(challenge)
  return a.length === b.length && timingSafeEqual(a, b)
}
