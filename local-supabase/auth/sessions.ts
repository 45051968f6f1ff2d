import { randomInt, randomUUID } from 'node:crypto'
import { ACCESS_TOKEN_TTL_SECONDS } from '../config.ts'
import type { Queryable } from '../db/types.ts'
import type { StackOptions } from '../handler.ts'
import { signJwt } from '../jwt.ts'
import { badRequest } from './errors.ts'
import { findUser, userJson, type UserRow } from './users.ts'

/** GoTrue's `models.AuthenticationMethod` names, as they appear in the `amr` claim. */
export type AuthMethod = 'password' | 'anonymous' | 'oauth'

export interface SessionJson {
  access_token: string
  token_type: 'bearer'
  expires_in: number
  expires_at: number
  refresh_token: string
  user: Record<string, unknown>
}

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Opaque and random like GoTrue's (which uses 12 alphanumerics); 22 gives ~131 bits. */
function newRefreshToken(): string {
  return Array.from({ length: 22 }, () => TOKEN_ALPHABET[randomInt(TOKEN_ALPHABET.length)]).join('')
}

/** A new session with its first refresh token, and the user's `last_sign_in_at` bumped. */
export async function issueSession(
  tx: Queryable,
  opts: StackOptions,
  userId: string,
  method: AuthMethod,
): Promise<SessionJson> {
  const sessionId = randomUUID()
  await tx.query(
    `insert into auth.sessions (id, user_id, aal, created_at, updated_at) values ($1, $2, 'aal1', now(), now())`,
    [sessionId, userId],
  )
  await tx.query(
    `insert into auth.mfa_amr_claims (id, session_id, authentication_method, created_at, updated_at)
     values ($1, $2, $3, now(), now())`,
    [randomUUID(), sessionId, method],
  )
  const refreshToken = newRefreshToken()
  await tx.query(
    `insert into auth.refresh_tokens (token, user_id, session_id, revoked, created_at, updated_at)
     values ($1, $2, $3, false, now(), now())`,
    [refreshToken, userId, sessionId],
  )
  await tx.query('update auth.users set last_sign_in_at = now() where id = $1', [userId])
  return sessionJson(tx, opts, userId, sessionId, refreshToken)
}

async function sessionJson(
  tx: Queryable,
  opts: StackOptions,
  userId: string,
  sessionId: string,
  refreshToken: string,
): Promise<SessionJson> {
  const user = await findUser(tx, userId)
  if (!user) throw new Error(`user ${userId} vanished while issuing a session`)
  const { rows: amr } = await tx.query<{ method: string; at: number }>(
    `select authentication_method as method, floor(extract(epoch from created_at))::float8 as at
     from auth.mfa_amr_claims where session_id = $1 order by created_at`,
    [sessionId],
  )
  const issuedAt = Math.floor(Date.now() / 1000)
  const expiresAt = issuedAt + ACCESS_TOKEN_TTL_SECONDS
  const accessToken = await signJwt(
    {
      aud: user.aud ?? 'authenticated',
      exp: expiresAt,
      iat: issuedAt,
      iss: `${opts.publicUrl}/auth/v1`,
      sub: user.id,
      email: user.email ?? '',
      phone: user.phone ?? '',
      app_metadata: user.raw_app_meta_data ?? {},
      user_metadata: user.raw_user_meta_data ?? {},
      role: user.role ?? 'authenticated',
      aal: 'aal1',
      amr: amr.map((entry) => ({ method: entry.method, timestamp: Number(entry.at) })),
      session_id: sessionId,
      is_anonymous: user.is_anonymous,
    },
    opts.jwtSecret,
  )
  return {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: await userJson(tx, user),
  }
}

/**
 * GoTrue's `refresh_token_reuse_interval` (supabase/config.toml `[auth]`): a revoked token
 * presented again within this many seconds of its revocation is a race between clients
 * refreshing at once, not theft, so the family survives.
 */
export const REFRESH_TOKEN_REUSE_INTERVAL_SECONDS = 10

interface RefreshRow {
  id: string
  token: string
  user_id: string
  revoked: boolean
  session_id: string | null
  revoked_seconds_ago: number
}

export type RefreshOutcome = { ok: true; session: SessionJson } | { ok: false; reused: true }

/**
 * Rotation: the presented token is revoked and a child issued in its place. A revoked token
 * presented again is refused (`refresh_token_already_used`); past the reuse interval it is
 * treated as theft and the whole session's token family is revoked, which the caller must
 * commit before answering. Within the interval nothing is revoked, so the client that won
 * a refresh race keeps its new token.
 */
export async function rotateRefreshToken(
  tx: Queryable,
  opts: StackOptions,
  token: string,
): Promise<RefreshOutcome> {
  const { rows } = await tx.query<RefreshRow>(
    `select rt.id::text as id, rt.token, rt.user_id, rt.revoked, rt.session_id,
       extract(epoch from now() - rt.updated_at)::float8 as revoked_seconds_ago
     from auth.refresh_tokens rt join auth.sessions s on s.id = rt.session_id
     where rt.token = $1 for update of rt`,
    [token],
  )
  const current = rows[0]
  if (!current || !current.session_id) {
    throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
  }
  const user = await findUser(tx, current.user_id)
  if (!user) {
    throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
  }
  assertNotBanned(user)
  if (current.revoked) {
    if (Number(current.revoked_seconds_ago) <= REFRESH_TOKEN_REUSE_INTERVAL_SECONDS) {
      return { ok: false, reused: true }
    }
    await tx.query(
      'update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1',
      [current.session_id],
    )
    return { ok: false, reused: true }
  }
  await tx.query(
    'update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1',
    [current.id],
  )
  const child = newRefreshToken()
  await tx.query(
    `insert into auth.refresh_tokens (token, user_id, session_id, parent, revoked, created_at, updated_at)
     values ($1, $2, $3, $4, false, now(), now())`,
    [child, current.user_id, current.session_id, current.token],
  )
  await tx.query('update auth.sessions set updated_at = now() where id = $1', [current.session_id])
  return { ok: true, session: await sessionJson(tx, opts, user.id, current.session_id, child) }
}

export function assertNotBanned(user: UserRow): void {
  if (user.banned_until && new Date(user.banned_until).getTime() > Date.now()) {
    throw badRequest('user_banned', 'User is banned')
  }
}
