import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ANON_KEY } from '../config.ts'
import { PUBLIC_URL, startAuthKit, type AuthKit } from './test-kit.ts'

let kit: AuthKit

beforeAll(async () => {
  kit = await startAuthKit()
})
afterAll(() => kit.close())

describe('e-mail and password', () => {
  it('signs up (auto-confirmed) with a session, a profile row and GoTrue-shaped user and claims', async () => {
    const supabase = kit.client()
    const { data, error } = await supabase.auth.signUp({
      email: 'Alice@Example.com',
      password: 'correct horse',
      options: { data: { display_name: 'Alice' } },
    })
    expect(error).toBeNull()
    const { session, user } = data
    expect(user).toMatchObject({
      aud: 'authenticated',
      role: 'authenticated',
      email: 'alice@example.com',
      phone: '',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { display_name: 'Alice', email: 'alice@example.com', email_verified: true },
      is_anonymous: false,
    })
    expect(user?.email_confirmed_at).toEqual(expect.any(String))
    expect(user?.identities).toEqual([
      expect.objectContaining({ provider: 'email', id: user?.id, user_id: user?.id }),
    ])
    expect(session).toMatchObject({ token_type: 'bearer', expires_in: 3600 })
    expect(session!.refresh_token.length).toBeGreaterThanOrEqual(12)
    expect(session!.expires_at).toBeGreaterThan(Date.now() / 1000 + 3500)

    const claims = decodeJwt(session!.access_token)
    expect(claims).toMatchObject({
      sub: user!.id,
      aud: 'authenticated',
      iss: `${PUBLIC_URL}/auth/v1`,
      email: 'alice@example.com',
      phone: '',
      role: 'authenticated',
      aal: 'aal1',
      amr: [{ method: 'password', timestamp: expect.any(Number) }],
      session_id: expect.any(String),
      is_anonymous: false,
      app_metadata: { provider: 'email', providers: ['email'] },
    })
    expect(claims.exp! - claims.iat!).toBe(3600)

    const { rows } = await kit.db.query<{ encrypted_password: string; display_name: string }>(
      `select u.encrypted_password, p.display_name from auth.users u
       join public.profiles p on p.id = u.id where u.id = $1`,
      [user!.id],
    )
    expect(rows[0].display_name).toBe('Alice')
    expect(rows[0].encrypted_password).toMatch(/^\$scrypt\$/)
    expect(rows[0].encrypted_password).not.toContain('correct horse')
  })

  it('signs in with the password, any e-mail case; a wrong one is 400 invalid_credentials', async () => {
    const supabase = kit.client()
    const ok = await supabase.auth.signInWithPassword({
      email: 'ALICE@example.com',
      password: 'correct horse',
    })
    expect(ok.error).toBeNull()
    expect(ok.data.user?.email).toBe('alice@example.com')
    expect(decodeJwt(ok.data.session!.access_token).amr).toEqual([
      { method: 'password', timestamp: expect.any(Number) },
    ])

    const before = await kit.counts()
    for (const attempt of [
      { email: 'alice@example.com', password: 'wrong horse' },
      { email: 'nobody@example.com', password: 'correct horse' },
    ]) {
      const { data, error } = await kit.client().auth.signInWithPassword(attempt)
      expect(data.session).toBeNull()
      expect(error).toMatchObject({ status: 400, code: 'invalid_credentials' })
      expect(error?.message).toBe('Invalid login credentials')
    }
    expect(await kit.counts()).toEqual(before)
  })

  it('refuses a duplicate, a weak password and a malformed e-mail without touching the database', async () => {
    const before = await kit.counts()
    const duplicate = await kit.client().auth.signUp({
      email: 'alice@EXAMPLE.com',
      password: 'another one',
    })
    expect(duplicate.error).toMatchObject({ status: 422, code: 'user_already_exists' })

    const weak = await kit.client().auth.signUp({ email: 'bob@example.com', password: '12345' })
    expect(weak.error).toMatchObject({ status: 422, code: 'weak_password', reasons: ['length'] })
    expect(weak.error?.name).toBe('AuthWeakPasswordError')

    const malformed = await kit.client().auth.signUp({ email: 'not-an-email', password: '123456' })
    expect(malformed.error).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(await kit.counts()).toEqual(before)
  })

  it('lets exactly one of two simultaneous sign-ups with the same e-mail win', async () => {
    const attempt = () =>
      kit.client().auth.signUp({ email: 'twin@example.com', password: 'same pass' })
    const results = await Promise.all([attempt(), attempt()])
    expect(results.filter((result) => result.error === null)).toHaveLength(1)
    expect(results.find((result) => result.error)?.error).toMatchObject({
      status: 422,
      code: 'user_already_exists',
    })
  })

  it('answers malformed JSON with 400 bad_json, in GoTrue 2024-01-01 error shape', async () => {
    const response = await kit.fetch(`${PUBLIC_URL}/auth/v1/signup`, {
      method: 'POST',
      headers: {
        apikey: ANON_KEY,
        'content-type': 'application/json',
        'x-supabase-api-version': '2024-01-01',
      },
      body: '{"email": ',
    })
    expect(response.status).toBe(400)
    expect(response.headers.get('x-supabase-api-version')).toBe('2024-01-01')
    const body = await response.json()
    expect(body).toEqual({ code: 'bad_json', message: expect.stringContaining('JSON') })
  })

  it('uses the legacy error shape for clients that send no API version', async () => {
    const response = await kit.fetch(`${PUBLIC_URL}/auth/v1/token?grant_type=password`, {
      method: 'POST',
      headers: { apikey: ANON_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'alice@example.com', password: 'nope nope' }),
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      code: 400,
      error_code: 'invalid_credentials',
      msg: 'Invalid login credentials',
    })
  })

  it('rejects an unknown grant_type with the OAuth error GoTrue sends', async () => {
    const response = await kit.fetch(`${PUBLIC_URL}/auth/v1/token?grant_type=client_credentials`, {
      method: 'POST',
      headers: { apikey: ANON_KEY, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(response.status).toBe(400)
    expect(response.headers.get('x-supabase-api-version')).toBe('2024-01-01')
    expect(await response.json()).toMatchObject({ error: 'unsupported_grant_type' })
  })

  it('rolls back everything when the database fails part-way through a sign-up', async () => {
    await kit.db.exec(`
      create function public.fail_for_test() returns trigger language plpgsql as $$
      begin
        raise exception 'boom';
      end $$;
      create trigger fail_for_test after insert on auth.identities
        for each row when (new.identity_data ->> 'email' = 'doomed@example.com')
        execute function public.fail_for_test();`)
    try {
      const before = await kit.counts()
      const { error } = await kit.client().auth.signUp({
        email: 'doomed@example.com',
        password: 'whatever1',
      })
      expect(error).toMatchObject({ status: 500 })
      expect(await kit.counts()).toEqual(before)
    } finally {
      await kit.db.exec(`drop trigger fail_for_test on auth.identities;
        drop function public.fail_for_test();`)
    }
  })
})

describe('anonymous sign-in', () => {
  it('creates an anonymous user with is_anonymous in the user and the access token', async () => {
    const supabase = kit.client()
    const { data, error } = await supabase.auth.signInAnonymously()
    expect(error).toBeNull()
    expect(data.user).toMatchObject({
      email: '',
      is_anonymous: true,
      identities: [],
      app_metadata: { provider: 'anonymous', providers: ['anonymous'] },
    })
    const claims = decodeJwt(data.session!.access_token)
    expect(claims).toMatchObject({
      is_anonymous: true,
      role: 'authenticated',
      amr: [{ method: 'anonymous' }],
    })
    const { rows } = await kit.db.query<{ display_name: string }>(
      'select display_name from public.profiles where id = $1',
      [data.user!.id],
    )
    expect(rows).toHaveLength(1)
  })

  it('turns into a permanent e-mail user on PUT /user with an e-mail and password', async () => {
    const supabase = kit.client()
    const { data } = await supabase.auth.signInAnonymously()
    const updated = await supabase.auth.updateUser({
      email: 'guest@example.com',
      password: 'guest password',
    })
    expect(updated.error).toBeNull()
    expect(updated.data.user).toMatchObject({
      id: data.user!.id,
      email: 'guest@example.com',
      is_anonymous: false,
      app_metadata: { provider: 'email', providers: ['email'] },
    })
    const signIn = await kit.client().auth.signInWithPassword({
      email: 'guest@example.com',
      password: 'guest password',
    })
    expect(signIn.data.user?.id).toBe(data.user!.id)
  })
})

describe('settings and health', () => {
  it('reports Google and anonymous sign-in enabled', async () => {
    const response = await kit.fetch(`${PUBLIC_URL}/auth/v1/settings`, {
      headers: { apikey: ANON_KEY },
    })
    expect(response.headers.get('x-supabase-api-version')).toBe('2024-01-01')
    expect(await response.json()).toMatchObject({
      external: { google: true, anonymous_users: true, email: true, phone: false, github: false },
      mailer_autoconfirm: true,
      disable_signup: false,
    })
    const health = await kit.fetch(`${PUBLIC_URL}/auth/v1/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ name: 'GoTrue' })
  })
})
