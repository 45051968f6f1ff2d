import { z } from 'zod'
import type { Queryable } from '../db/types.ts'
import { json, type StackOptions } from '../handler.ts'
import { MIN_PASSWORD_LENGTH, unprocessable, weakPassword } from './errors.ts'
import { hashPassword, verifyPassword } from './passwords.ts'
import { authenticate, readJson } from './request.ts'
import {
  emailIdentityData,
  findUserByEmail,
  insertIdentity,
  syncProviders,
  userJson,
  validateEmail,
  type UserRow,
} from './users.ts'

const UpdateBody = z.object({
  email: z.string().nullish(),
  phone: z.string().nullish(),
  password: z.string().nullish(),
  data: z.record(z.string(), z.unknown()).nullish(),
})

export type UserChanges = z.infer<typeof UpdateBody>

/** `GET /user`: the caller's own user, from a valid access token with a live session. */
export async function getUser(request: Request, opts: StackOptions): Promise<Response> {
  const body = await opts.db.transaction(async (tx) => {
    const { user } = await authenticate(tx, request, opts)
    return userJson(tx, user)
  })
  return json(body)
}

/** `PUT /user`: metadata, e-mail (auto-confirmed) and password changes, all or nothing. */
export async function updateUser(request: Request, opts: StackOptions): Promise<Response> {
  const changes = await readJson(request, UpdateBody)
  const body = await opts.db.transaction(async (tx) => {
    const { user } = await authenticate(tx, request, opts, { forUpdate: true })
    if (user.is_anonymous && changes.password && !changes.email && !user.email) {
      throw unprocessable(
        'validation_failed',
        'Updating password of an anonymous user without an email or phone is not allowed',
      )
    }
    const updated = await applyUserChanges(tx, user, changes, { rejectSamePassword: true })
    return userJson(tx, updated)
  })
  return json(body)
}

/** Shared by `PUT /user` and the admin update: GoTrue's merge rules for each field. */
export async function applyUserChanges(
  tx: Queryable,
  user: UserRow,
  changes: UserChanges & { emailConfirm?: boolean; appMetadata?: Record<string, unknown> | null },
  options: { rejectSamePassword: boolean },
): Promise<UserRow> {
  if (changes.phone) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled')
  if (changes.password !== undefined && changes.password !== null) {
    if (changes.password.length < MIN_PASSWORD_LENGTH) throw weakPassword()
    if (
      options.rejectSamePassword &&
      (await verifyPassword(changes.password, user.encrypted_password))
    ) {
      throw unprocessable(
        'same_password',
        'New password should be different from the old password.',
      )
    }
    await tx.query('update auth.users set encrypted_password = $2 where id = $1', [
      user.id,
      await hashPassword(changes.password),
    ])
  }
  if (changes.email) {
    const email = validateEmail(changes.email)
    if (email !== user.email) await changeEmail(tx, user, email)
  }
  if (changes.emailConfirm) {
    await tx.query(
      'update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()) where id = $1',
      [user.id],
    )
  }
  if (changes.data) await mergeMetadata(tx, user.id, 'raw_user_meta_data', changes.data)
  if (changes.appMetadata)
    await mergeMetadata(tx, user.id, 'raw_app_meta_data', changes.appMetadata)
  const { rows } = await tx.query<UserRow>(
    'update auth.users set updated_at = now() where id = $1 returning *',
    [user.id],
  )
  return rows[0]
}

async function changeEmail(tx: Queryable, user: UserRow, email: string): Promise<void> {
  const owner = await findUserByEmail(tx, email)
  if (owner && owner.id !== user.id) {
    throw unprocessable(
      'email_exists',
      'A user with this email address has already been registered',
    )
  }
  // No mailer locally: the change is confirmed at once, which also ends anonymity.
  await tx.query(
    `update auth.users set email = $2, email_confirmed_at = now(), is_anonymous = false,
       raw_app_meta_data = case when is_anonymous
         then coalesce(raw_app_meta_data, '{}'::jsonb) || '{"provider": "email"}'::jsonb
         else raw_app_meta_data end
     where id = $1`,
    [user.id, email],
  )
  const { rows } = await tx.query(
    `update auth.identities set identity_data = identity_data || $2::jsonb, updated_at = now()
     where user_id = $1 and provider = 'email' returning id`,
    [user.id, JSON.stringify({ email })],
  )
  if (rows.length === 0) {
    await insertIdentity(tx, user.id, 'email', user.id, emailIdentityData(user.id, email, true))
    await syncProviders(tx, user.id)
  }
}

/** Keys set to null are removed; others are replaced, as GoTrue's UpdateUserMetaData. */
async function mergeMetadata(
  tx: Queryable,
  userId: string,
  column: 'raw_user_meta_data' | 'raw_app_meta_data',
  updates: Record<string, unknown>,
): Promise<void> {
  const removed = Object.keys(updates).filter((key) => updates[key] === null)
  await tx.query(
    `update auth.users set ${column} = (coalesce(${column}, '{}'::jsonb) || $2::jsonb) - $3::text[]
     where id = $1`,
    [userId, JSON.stringify(updates), removed],
  )
}
