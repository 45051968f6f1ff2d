import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Queryable } from '../db/types.ts'
import { json, type StackOptions } from '../handler.ts'
import {
  badRequest,
  isUniqueViolation,
  methodNotAllowed,
  MIN_PASSWORD_LENGTH,
  notFound,
  unprocessable,
  weakPassword,
} from './errors.ts'
import { hashPassword } from './passwords.ts'
import { isUuid, readJson, requireAdmin } from './request.ts'
import { applyUserChanges } from './user.ts'
import {
  emailIdentityData,
  findUser,
  findUserByEmail,
  insertIdentity,
  insertUser,
  userJson,
  validateEmail,
  type UserRow,
} from './users.ts'

const metadata = z.record(z.string(), z.unknown()).nullish()

const CreateBody = z.object({
  id: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  password: z.string().nullish(),
  email_confirm: z.boolean().nullish(),
  role: z.string().nullish(),
  user_metadata: metadata,
  app_metadata: metadata,
})

const UpdateBody = z.object({
  email: z.string().nullish(),
  phone: z.string().nullish(),
  password: z.string().nullish(),
  email_confirm: z.boolean().nullish(),
  user_metadata: metadata,
  app_metadata: metadata,
})

const DeleteBody = z.object({ should_soft_delete: z.boolean().nullish() })

/** `/admin/users[/:id]`, for the service_role key only (403 `not_admin` otherwise). */
export async function admin(request: Request, opts: StackOptions, path: string): Promise<Response> {
  await requireAdmin(request, opts)
  const match = /^\/admin\/users(?:\/([^/]+))?\/?$/.exec(path)
  if (!match) throw notFound('not_found', 'Not found')
  const id = match[1]
  if (id === undefined) {
    if (request.method === 'GET') return listUsers(request, opts)
    if (request.method === 'POST') return createUser(request, opts)
  } else {
    if (!isUuid(id)) throw notFound('validation_failed', 'user_id must be an UUID')
    if (request.method === 'GET')
      return json(await withUser(opts, id, (tx, user) => userJson(tx, user)))
    if (request.method === 'PUT') return updateUser(request, opts, id)
    if (request.method === 'DELETE') return deleteUser(request, opts, id)
  }
  throw methodNotAllowed()
}

function withUser<T>(
  opts: StackOptions,
  id: string,
  fn: (tx: Queryable, user: UserRow) => Promise<T>,
): Promise<T> {
  return opts.db.transaction(async (tx) => {
    const user = await findUser(tx, id, true)
    if (!user) throw notFound('user_not_found', 'User not found')
    return fn(tx, user)
  })
}

async function createUser(request: Request, opts: StackOptions): Promise<Response> {
  const body = await readJson(request, CreateBody)
  if (body.phone) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled')
  if (!body.email)
    throw badRequest('validation_failed', 'Unable to validate email address: invalid format')
  const email = validateEmail(body.email)
  if (body.id && !isUuid(body.id))
    throw badRequest('validation_failed', 'ID must conform to the uuid v4 format')
  if (body.password && body.password.length < MIN_PASSWORD_LENGTH) throw weakPassword()
  const passwordHash = body.password ? await hashPassword(body.password) : null
  const confirmed = body.email_confirm ?? false

  const emailExists = () =>
    unprocessable('email_exists', 'A user with this email address has already been registered')
  const user = await opts.db
    .transaction(async (tx) => {
      if (await findUserByEmail(tx, email)) throw emailExists()
      const id = body.id ?? randomUUID()
      const created = await insertUser(tx, {
        id,
        email,
        passwordHash,
        confirmed,
        provider: 'email',
        role: body.role ?? undefined,
        userMetadata: body.user_metadata ?? {},
        appMetadata: body.app_metadata ?? {},
      })
      await insertIdentity(tx, id, 'email', id, emailIdentityData(id, email, confirmed))
      return userJson(tx, created)
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? emailExists() : error
    })
  return json(user)
}

async function listUsers(request: Request, opts: StackOptions): Promise<Response> {
  const params = new URL(request.url).searchParams
  const page = Math.max(1, Number.parseInt(params.get('page') || '1', 10) || 1)
  const perPage = Math.min(
    1000,
    Math.max(1, Number.parseInt(params.get('per_page') || '50', 10) || 50),
  )
  const { users, total } = await opts.db.transaction(async (tx) => {
    const { rows } = await tx.query<UserRow>(
      'select * from auth.users order by created_at desc, id limit $1 offset $2',
      [perPage, (page - 1) * perPage],
    )
    const count = await tx.query<{ total: number }>('select count(*)::int as total from auth.users')
    return {
      users: await Promise.all(rows.map((row) => userJson(tx, row))),
      total: count.rows[0].total,
    }
  })
  // GoTrue's pagination headers; auth-js reads the page number right after `page=`.
  const lastPage = Math.max(1, Math.ceil(total / perPage))
  const links: string[] = []
  if (page < lastPage) links.push(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`)
  links.push(`</admin/users?page=${lastPage}&per_page=${perPage}>; rel="last"`)
  return json({ users, aud: 'authenticated' }, 200, {
    'x-total-count': String(total),
    link: links.join(', '),
  })
}

async function updateUser(request: Request, opts: StackOptions, id: string): Promise<Response> {
  const body = await readJson(request, UpdateBody)
  const user = await withUser(opts, id, async (tx, current) => {
    const updated = await applyUserChanges(
      tx,
      current,
      {
        email: body.email,
        phone: body.phone,
        password: body.password,
        data: body.user_metadata,
        appMetadata: body.app_metadata,
        emailConfirm: body.email_confirm ?? false,
      },
      { rejectSamePassword: false },
    )
    return userJson(tx, updated)
  })
  return json(user)
}

async function deleteUser(request: Request, opts: StackOptions, id: string): Promise<Response> {
  const body = await readJson(request, DeleteBody)
  if (body.should_soft_delete) {
    throw badRequest('validation_failed', 'Soft deletion is not supported by the local stack')
  }
  await withUser(opts, id, (tx) => tx.query('delete from auth.users where id = $1', [id]))
  return json({})
}
