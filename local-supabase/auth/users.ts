import { randomUUID } from 'node:crypto'
import type { Queryable } from '../db/types.ts'
import { badRequest } from './errors.ts'

type Json = Record<string, unknown>

export interface UserRow {
  id: string
  aud: string | null
  role: string | null
  email: string | null
  encrypted_password: string | null
  email_confirmed_at: Date | string | null
  phone: string | null
  phone_confirmed_at: Date | string | null
  last_sign_in_at: Date | string | null
  raw_app_meta_data: Json | null
  raw_user_meta_data: Json | null
  created_at: Date | string | null
  updated_at: Date | string | null
  banned_until: Date | string | null
  is_anonymous: boolean
}

interface IdentityRow {
  id: string
  provider_id: string
  user_id: string
  identity_data: Json
  provider: string
  last_sign_in_at: Date | string | null
  created_at: Date | string | null
  updated_at: Date | string | null
  email: string | null
}

export function iso(value: Date | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined
  return (value instanceof Date ? value : new Date(value)).toISOString()
}

// GoTrue's own pattern (internal/utilities/email.go), and its 255-character column limit.
const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/

/** Lower-cased, as GoTrue stores it; invalid → 400 validation_failed. */
export function validateEmail(email: string): string {
  const trimmed = email.trim()
  if (trimmed.length > 255 || !EMAIL_PATTERN.test(trimmed)) {
    throw badRequest('validation_failed', 'Unable to validate email address: invalid format')
  }
  return trimmed.toLowerCase()
}

export async function findUser(tx: Queryable, id: string, lock = false): Promise<UserRow | null> {
  const { rows } = await tx.query<UserRow>(
    `select * from auth.users where id = $1${lock ? ' for update' : ''}`,
    [id],
  )
  return rows[0] ?? null
}

export async function findUserByEmail(tx: Queryable, email: string): Promise<UserRow | null> {
  const { rows } = await tx.query<UserRow>(
    'select * from auth.users where lower(email) = lower($1) and not is_sso_user limit 1',
    [email],
  )
  return rows[0] ?? null
}

/** The user exactly as GoTrue serialises `models.User`: absent timestamps are omitted. */
export async function userJson(tx: Queryable, user: UserRow): Promise<Json> {
  const { rows: identities } = await tx.query<IdentityRow>(
    'select * from auth.identities where user_id = $1 order by created_at, id',
    [user.id],
  )
  return {
    id: user.id,
    aud: user.aud ?? 'authenticated',
    role: user.role ?? 'authenticated',
    email: user.email ?? '',
    email_confirmed_at: iso(user.email_confirmed_at),
    phone: user.phone ?? '',
    phone_confirmed_at: iso(user.phone_confirmed_at),
    confirmed_at: iso(user.email_confirmed_at ?? user.phone_confirmed_at),
    last_sign_in_at: iso(user.last_sign_in_at),
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    identities: identities.map((identity) => ({
      identity_id: identity.id,
      id: identity.provider_id,
      user_id: identity.user_id,
      identity_data: identity.identity_data,
      provider: identity.provider,
      last_sign_in_at: iso(identity.last_sign_in_at),
      created_at: iso(identity.created_at),
      updated_at: iso(identity.updated_at),
      email: identity.email ?? '',
    })),
    created_at: iso(user.created_at),
    updated_at: iso(user.updated_at),
    banned_until: iso(user.banned_until),
    is_anonymous: user.is_anonymous,
  }
}

export interface NewUser {
  id?: string
  email: string | null
  passwordHash: string | null
  confirmed: boolean
  provider: string
  userMetadata: Json
  appMetadata?: Json
  isAnonymous?: boolean
  role?: string
}

/**
 * Inserts as the superuser inside the request's transaction, so the project's
 * `on insert to auth.users` trigger (profile creation) runs and rolls back with it.
 */
export async function insertUser(tx: Queryable, user: NewUser): Promise<UserRow> {
  const appMetadata = { ...user.appMetadata, provider: user.provider, providers: [user.provider] }
  const { rows } = await tx.query<UserRow>(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password,
       email_confirmed_at, raw_app_meta_data, raw_user_meta_data, is_anonymous, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', $2, $3, $4,
       case when $5::boolean then now() end, $6::jsonb, $7::jsonb, $8, now(), now())
     returning *`,
    [
      user.id ?? randomUUID(),
      user.role ?? 'authenticated',
      user.email,
      user.passwordHash,
      user.confirmed,
      JSON.stringify(appMetadata),
      JSON.stringify(user.userMetadata),
      user.isAnonymous ?? false,
    ],
  )
  return rows[0]
}

export async function insertIdentity(
  tx: Queryable,
  userId: string,
  provider: string,
  providerId: string,
  identityData: Json,
): Promise<void> {
  await tx.query(
    `insert into auth.identities (id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     values ($1, $2, $3, $4::jsonb, $5, now(), now(), now())`,
    [randomUUID(), providerId, userId, JSON.stringify(identityData), provider],
  )
}

/** Keeps `app_metadata.providers` in step with the user's identities, as GoTrue does. */
export async function syncProviders(tx: Queryable, userId: string): Promise<void> {
  await tx.query(
    `update auth.users set raw_app_meta_data = coalesce(raw_app_meta_data, '{}'::jsonb) ||
       jsonb_build_object('providers', coalesce(
         (select jsonb_agg(distinct provider) from auth.identities where user_id = $1), '[]'::jsonb)),
       updated_at = now()
     where id = $1`,
    [userId],
  )
}

export function emailIdentityData(userId: string, email: string, verified: boolean): Json {
  return { sub: userId, email, email_verified: verified, phone_verified: false }
}
