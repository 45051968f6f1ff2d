import { createHash, randomInt, randomUUID } from 'node:crypto'
import type { Queryable } from '../db/types.ts'
import { badRequest, notFound, unprocessable } from './errors.ts'
import { findUser, findUserByEmail, insertIdentity, insertUser, syncProviders } from './users.ts'

export interface GoogleAccount {
  providerId: string
  email: string
  fullName: string
  avatarUrl: string
}

/** Google's `sub`: a 21-digit number. */
function newGoogleSubject(): string {
  return `1${Array.from({ length: 20 }, () => randomInt(10)).join('')}`
}

/** A small initials avatar as a data: URL (there is no Google photo to point at). */
export function initialsAvatar(fullName: string, email: string): string {
  const initials =
    fullName
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => word[0].toUpperCase())
      .join('')
      .replace(/[^\p{L}\p{N}]/gu, '') || email[0].toUpperCase().replace(/[^\p{L}\p{N}]/gu, '')
  const hue = createHash('sha256').update(email).digest()[0] * (360 / 256)
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">` +
    `<rect width="96" height="96" rx="48" fill="hsl(${Math.round(hue)} 55% 45%)"/>` +
    `<text x="48" y="60" font-family="sans-serif" font-size="40" fill="#fff" text-anchor="middle">${initials}</text></svg>`
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}

/** The identity data (and new user's metadata) Google's OIDC claims give GoTrue. */
function identityData(account: GoogleAccount): Record<string, unknown> {
  return {
    iss: 'https://accounts.google.com',
    sub: account.providerId,
    name: account.fullName,
    email: account.email,
    picture: account.avatarUrl,
    full_name: account.fullName,
    avatar_url: account.avatarUrl,
    provider_id: account.providerId,
    email_verified: true,
    phone_verified: false,
  }
}

export interface PreviousAccount {
  providerId: string
  email: string
  fullName: string
}

export async function previousAccounts(tx: Queryable): Promise<PreviousAccount[]> {
  const { rows } = await tx.query<{
    provider_id: string
    email: string | null
    full_name: string | null
  }>(
    `select provider_id, identity_data ->> 'email' as email, identity_data ->> 'full_name' as full_name
     from auth.identities where provider = 'google'
     order by last_sign_in_at desc nulls last, created_at desc limit 20`,
  )
  return rows.map((row) => ({
    providerId: row.provider_id,
    email: row.email ?? '',
    fullName: row.full_name ?? '',
  }))
}

export async function findGoogleIdentity(
  tx: Queryable,
  by: { providerId: string } | { email: string },
): Promise<PreviousAccount | null> {
  const [column, value] = 'providerId' in by ? ['provider_id', by.providerId] : ['email', by.email]
  const { rows } = await tx.query<{ provider_id: string; email: string; full_name: string | null }>(
    `select provider_id, identity_data ->> 'email' as email, identity_data ->> 'full_name' as full_name
     from auth.identities where provider = 'google' and ${column} = lower($1) limit 1`,
    [value],
  )
  const row = rows[0]
  return row
    ? { providerId: row.provider_id, email: row.email, fullName: row.full_name ?? '' }
    : null
}

/**
 * GoTrue's createAccountFromExternalIdentity for a verified Google e-mail: refresh a known
 * identity, link to an existing user with that e-mail, or create user and identity.
 * Returns the user id.
 */
export async function signInWithGoogle(
  tx: Queryable,
  email: string,
  fullName: string,
): Promise<string> {
  const known = await findGoogleIdentity(tx, { email })
  const account: GoogleAccount = {
    providerId: known?.providerId ?? newGoogleSubject(),
    email,
    fullName,
    avatarUrl: initialsAvatar(fullName, email),
  }
  const data = identityData(account)
  if (known) {
    const { rows } = await tx.query<{ user_id: string }>(
      `update auth.identities set identity_data = $2::jsonb, last_sign_in_at = now(), updated_at = now()
       where provider = 'google' and provider_id = $1 returning user_id`,
      [account.providerId, JSON.stringify(data)],
    )
    const userId = rows[0].user_id
    await tx.query(
      `update auth.users set raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || $2::jsonb,
         updated_at = now() where id = $1`,
      [userId, JSON.stringify(data)],
    )
    return userId
  }
  const existing = await findUserByEmail(tx, email)
  if (existing) {
    await insertIdentity(tx, existing.id, 'google', account.providerId, data)
    await syncProviders(tx, existing.id)
    return existing.id
  }
  const id = randomUUID()
  await insertUser(tx, {
    id,
    email,
    passwordHash: null,
    confirmed: true,
    provider: 'google',
    userMetadata: data,
  })
  await insertIdentity(tx, id, 'google', account.providerId, data)
  return id
}

/**
 * GoTrue's linkIdentityToUser: adds the Google identity to the signed-in user who started the
 * flow. A Google account already linked (to them or anyone) is refused, as is an e-mail that
 * another user has; a user without an e-mail (a guest) takes Google's verified one and stops
 * being anonymous. The user's id, and with it everything they own, stays the same.
 */
export async function linkGoogleIdentity(
  tx: Queryable,
  userId: string,
  email: string,
  fullName: string,
): Promise<string> {
  const user = await findUser(tx, userId, true)
  if (!user) throw notFound('user_not_found', 'User not found')
  const known = await findGoogleIdentity(tx, { email })
  if (known) {
    const { rows } = await tx.query<{ user_id: string }>(
      `select user_id from auth.identities where provider = 'google' and provider_id = $1`,
      [known.providerId],
    )
    const mine = rows[0]?.user_id === userId
    throw unprocessable(
      'identity_already_exists',
      mine ? 'Identity is already linked' : 'Identity is already linked to another user',
    )
  }
  const providerId = newGoogleSubject()
  const data = identityData({
    providerId,
    email,
    fullName,
    avatarUrl: initialsAvatar(fullName, email),
  })
  await insertIdentity(tx, userId, 'google', providerId, data)
  if (!user.email) {
    const taken = await findUserByEmail(tx, email)
    if (taken && taken.id !== userId) {
      throw badRequest('email_exists', 'A user with this email address has already been registered')
    }
    // GoTrue's User.Confirm: confirmed now, and email_verified in the user's metadata.
    await tx.query(
      `update auth.users set email = $2, email_confirmed_at = now(), is_anonymous = false,
         raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || '{"email_verified": true}',
         updated_at = now()
       where id = $1`,
      [userId, email],
    )
  }
  await syncProviders(tx, userId)
  return userId
}
