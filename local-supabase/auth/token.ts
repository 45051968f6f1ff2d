import { z } from 'zod'
import { json, type StackOptions } from '../handler.ts'
import { badRequest, notFound, OAuthError, unprocessable } from './errors.ts'
import { verifyPassword } from './passwords.ts'
import { codeChallengeMatches, FLOW_STATE_TTL_SECONDS } from './pkce.ts'
import { readJson } from './request.ts'
import { assertNotBanned, issueSession, rotateRefreshToken } from './sessions.ts'
import { findUser, findUserByEmail } from './users.ts'

const PasswordBody = z.object({
  email: z.string().nullish(),
  phone: z.string().nullish(),
  password: z.string().nullish(),
})
const RefreshBody = z.object({ refresh_token: z.string().nullish() })
const PkceBody = z.object({ auth_code: z.string().nullish(), code_verifier: z.string().nullish() })

const INVALID_LOGIN = 'Invalid login credentials'

/** `POST /token?grant_type=password|refresh_token|pkce`. */
export async function token(request: Request, opts: StackOptions): Promise<Response> {
  const grantType = new URL(request.url).searchParams.get('grant_type')
  switch (grantType) {
    case 'password':
      return passwordGrant(request, opts)
    case 'refresh_token':
      return refreshGrant(request, opts)
    case 'pkce':
      return pkceGrant(request, opts)
    default:
      // GoTrue answers an RFC 6749 error here, not an HTTPError (so no `code`).
      throw new OAuthError('unsupported_grant_type', '')
  }
}

async function passwordGrant(request: Request, opts: StackOptions): Promise<Response> {
  const body = await readJson(request, PasswordBody)
  if (body.email && body.phone) {
    throw badRequest(
      'validation_failed',
      'Only an email address or phone number should be provided on login.',
    )
  }
  if (body.phone) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled')
  if (!body.email) throw badRequest('validation_failed', 'missing email or phone')
  const email = body.email

  // scrypt runs outside the transaction: PGlite's one session would wait on it otherwise.
  const user = await findUserByEmail(opts.db, email)
  const valid = await verifyPassword(body.password ?? '', user?.encrypted_password ?? null)
  if (!user || !valid) throw badRequest('invalid_credentials', INVALID_LOGIN)
  assertNotBanned(user)
  if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed')

  const session = await opts.db.transaction(async (tx) => {
    const current = await findUser(tx, user.id, true)
    if (current?.encrypted_password !== user.encrypted_password) {
      throw badRequest('invalid_credentials', INVALID_LOGIN)
    }
    return issueSession(tx, opts, user.id, 'password')
  })
  return json(session)
}

async function refreshGrant(request: Request, opts: StackOptions): Promise<Response> {
  const body = await readJson(request, RefreshBody)
  const presented = body.refresh_token
  if (!presented) throw badRequest('validation_failed', 'refresh_token required')
  // Reuse detection commits the family revocation, then fails: it must not roll back.
  const outcome = await opts.db.transaction((tx) => rotateRefreshToken(tx, opts, presented))
  if (!outcome.ok) {
    throw badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used')
  }
  return json(outcome.session)
}

interface FlowStateRow {
  id: string
  user_id: string | null
  code_challenge: string
  code_challenge_method: string
  age_seconds: number
}

async function pkceGrant(request: Request, opts: StackOptions): Promise<Response> {
  const body = await readJson(request, PkceBody)
  const { auth_code: authCode, code_verifier: verifier } = body
  if (!authCode || !verifier) {
    throw badRequest(
      'validation_failed',
      'invalid request: both auth code and code verifier should be non-empty',
    )
  }
  const session = await opts.db.transaction(async (tx) => {
    const { rows } = await tx.query<FlowStateRow>(
      `select id, user_id, code_challenge, code_challenge_method,
         extract(epoch from now() - coalesce(auth_code_issued_at, created_at))::float8 as age_seconds
       from auth.flow_state where auth_code = $1 for update`,
      [authCode],
    )
    const flow = rows[0]
    if (!flow || !flow.user_id) {
      throw notFound('flow_state_not_found', 'invalid flow state, no valid flow state found')
    }
    if (flow.age_seconds > FLOW_STATE_TTL_SECONDS) {
      throw unprocessable('flow_state_expired', 'invalid flow state, flow state has expired')
    }
    const user = await findUser(tx, flow.user_id)
    if (!user) throw notFound('user_not_found', 'User not found')
    if (!codeChallengeMatches(flow.code_challenge_method, flow.code_challenge, verifier)) {
      throw badRequest(
        'bad_code_verifier',
        'code challenge does not match previously saved code verifier',
      )
    }
    // Single use: the code is gone once it has been exchanged.
    await tx.query('delete from auth.flow_state where id = $1', [flow.id])
    return issueSession(tx, opts, user.id, 'oauth')
  })
  return json(session)
}
