import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { json, type StackOptions } from '../handler.ts'
import { isUniqueViolation, MIN_PASSWORD_LENGTH, unprocessable, weakPassword } from './errors.ts'
import { hashPassword } from './passwords.ts'
import { readJson } from './request.ts'
import { issueSession } from './sessions.ts'
import {
  emailIdentityData,
  findUserByEmail,
  insertIdentity,
  insertUser,
  validateEmail,
} from './users.ts'

const metadata = z.record(z.string(), z.unknown())

const SignupBody = z.object({
  email: z.string().nullish(),
  phone: z.string().nullish(),
  password: z.string().nullish(),
  data: metadata.nullish(),
})

/**
 * `POST /signup`. With e-mail and password: an auto-confirmed user and a session (the
 * local stack has no mailer, like `supabase start` with confirmations off). With neither
 * e-mail nor phone: an anonymous sign-in.
 */
export async function signup(request: Request, opts: StackOptions): Promise<Response> {
  const body = await readJson(request, SignupBody)
  const data = body.data ?? {}
  if (body.phone) throw unprocessable('phone_provider_disabled', 'Phone signups are disabled')
  if (!body.email) {
    const session = await opts.db.transaction(async (tx) => {
      const user = await insertUser(tx, {
        email: null,
        passwordHash: null,
        confirmed: false,
        provider: 'anonymous',
        userMetadata: data,
        isAnonymous: true,
      })
      return issueSession(tx, opts, user.id, 'anonymous')
    })
    return json(session)
  }

  const email = validateEmail(body.email)
  if (!body.password) throw unprocessable('validation_failed', 'Signup requires a valid password')
  if (body.password.length < MIN_PASSWORD_LENGTH) throw weakPassword()
  const passwordHash = await hashPassword(body.password)

  const alreadyExists = () => unprocessable('user_already_exists', 'User already registered')
  const session = await opts.db
    .transaction(async (tx) => {
      if (await findUserByEmail(tx, email)) throw alreadyExists()
      const id = randomUUID()
      const identityData = emailIdentityData(id, email, true)
      await insertUser(tx, {
        id,
        email,
        passwordHash,
        confirmed: true,
        provider: 'email',
        userMetadata: { ...identityData, ...data },
      })
      await insertIdentity(tx, id, 'email', id, identityData)
      return issueSession(tx, opts, id, 'password')
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? alreadyExists() : error
    })
  return json(session)
}
