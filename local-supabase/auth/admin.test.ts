import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SERVICE_ROLE_KEY } from '../config.ts'
import { startAuthKit, type AuthKit } from './test-kit.ts'

let kit: AuthKit

beforeAll(async () => {
  kit = await startAuthKit()
})
afterAll(() => kit.close())

describe('admin users (service_role key)', () => {
  it('creates a confirmed user with metadata who can then sign in', async () => {
    const admin = kit.client(SERVICE_ROLE_KEY).auth.admin
    const { data, error } = await admin.createUser({
      email: 'Trader@Example.com',
      password: 'secret pass',
      email_confirm: true,
      user_metadata: { full_name: 'Test Trader' },
      app_metadata: { plan: 'pro' },
    })
    expect(error).toBeNull()
    expect(data.user).toMatchObject({
      email: 'trader@example.com',
      user_metadata: { full_name: 'Test Trader' },
      app_metadata: { plan: 'pro', provider: 'email', providers: ['email'] },
      is_anonymous: false,
    })
    expect(data.user?.email_confirmed_at).toEqual(expect.any(String))
    const { rows } = await kit.db.query<{ display_name: string }>(
      'select display_name from public.profiles where id = $1',
      [data.user!.id],
    )
    expect(rows[0]?.display_name).toBe('Test Trader')

    const signIn = await kit.client().auth.signInWithPassword({
      email: 'trader@example.com',
      password: 'secret pass',
    })
    expect(signIn.data.user?.id).toBe(data.user!.id)
  })

  it('gets, lists (with pagination headers), updates and deletes users', async () => {
    const admin = kit.client(SERVICE_ROLE_KEY).auth.admin
    const created = await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        admin.createUser({
          email: `${name}@list.example`,
          password: 'secret pass',
          email_confirm: name !== 'c',
        }),
      ),
    )
    const id = created[0].data.user!.id

    const got = await admin.getUserById(id)
    expect(got.data.user?.email).toBe('a@list.example')

    const page = await admin.listUsers({ page: 1, perPage: 2 })
    expect(page.error).toBeNull()
    expect(page.data.users).toHaveLength(2)
    expect(page.data).toMatchObject({ total: 4, nextPage: 2, lastPage: 2 })

    const updated = await admin.updateUserById(id, {
      user_metadata: { full_name: 'Renamed' },
      password: 'changed pass',
    })
    expect(updated.data.user?.user_metadata).toMatchObject({ full_name: 'Renamed' })
    const signIn = await kit.client().auth.signInWithPassword({
      email: 'a@list.example',
      password: 'changed pass',
    })
    expect(signIn.error).toBeNull()

    // Without email_confirm the address is unconfirmed, and GoTrue refuses the password.
    const unconfirmed = await kit.client().auth.signInWithPassword({
      email: 'c@list.example',
      password: 'secret pass',
    })
    expect(unconfirmed.error).toMatchObject({ status: 400, code: 'email_not_confirmed' })

    expect((await admin.deleteUser(id)).error).toBeNull()
    const gone = await admin.getUserById(id)
    expect(gone.error).toMatchObject({ status: 404, code: 'user_not_found' })
    const { rows } = await kit.db.query('select 1 from public.profiles where id = $1', [id])
    expect(rows).toHaveLength(0)
  })

  it('refuses a duplicate e-mail with 422 email_exists, changing nothing', async () => {
    const admin = kit.client(SERVICE_ROLE_KEY).auth.admin
    const before = await kit.counts()
    const { error } = await admin.createUser({ email: 'TRADER@example.com', password: 'x1x2x3x4' })
    expect(error).toMatchObject({ status: 422, code: 'email_exists' })
    expect(await kit.counts()).toEqual(before)
  })

  it('is 403 not_admin for the anon key and for a user access token', async () => {
    const { data } = await kit.client().auth.signInAnonymously()
    const asUser = kit.client(undefined, {
      headers: { Authorization: `Bearer ${data.session!.access_token}` },
    })
    const before = await kit.counts()
    for (const client of [kit.client(), asUser]) {
      const created = await client.auth.admin.createUser({
        email: 'intruder@example.com',
        password: 'secret pass',
      })
      expect(created.error).toMatchObject({ status: 403, code: 'not_admin' })
      const listed = await client.auth.admin.listUsers()
      expect(listed.error).toMatchObject({ status: 403, code: 'not_admin' })
    }
    expect(await kit.counts()).toEqual(before)
  })
})
