import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ANON_KEY, JWT_SECRET, SERVICE_ROLE_KEY } from '../config.ts'
import { signJwt } from '../jwt.ts'
import { REFRESH_TOKEN_REUSE_INTERVAL_SECONDS } from './sessions.ts'
import { PUBLIC_URL, startAuthKit, type AuthKit } from './test-kit.ts'

let kit: AuthKit

beforeAll(async () => {
  kit = await startAuthKit()
})
afterAll(() => kit.close())

let emails = 0
async function signedIn() {
  const supabase = kit.client()
  const email = `user${++emails}@example.com`
  const { data, error } = await supabase.auth.signUp({ email, password: 'password1' })
  if (error || !data.session) throw error ?? new Error('no session')
  return { supabase, email, session: data.session, user: data.user! }
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

describe('refresh token rotation', () => {
  it('issues a new refresh token on every refresh, chained by parent in auth.refresh_tokens', async () => {
    const { supabase, session } = await signedIn()
    const first = await supabase.auth.refreshSession({ refresh_token: session.refresh_token })
    expect(first.error).toBeNull()
    const second = await supabase.auth.refreshSession({
      refresh_token: first.data.session!.refresh_token,
    })
    expect(second.error).toBeNull()
    const tokens = [session, first.data.session!, second.data.session!].map((s) => s.refresh_token)
    expect(new Set(tokens).size).toBe(3)
    expect(decodeJwt(second.data.session!.access_token).session_id).toBe(
      decodeJwt(session.access_token).session_id,
    )

    const { rows } = await kit.db.query<{ token: string; parent: string | null; revoked: boolean }>(
      'select token, parent, revoked from auth.refresh_tokens where token = any($1) order by id',
      [tokens],
    )
    expect(rows).toEqual([
      { token: tokens[0], parent: null, revoked: true },
      { token: tokens[1], parent: tokens[0], revoked: true },
      { token: tokens[2], parent: tokens[1], revoked: false },
    ])
  })

  it('refuses a token reused within the reuse interval but leaves the session alone', async () => {
    const { supabase, session } = await signedIn()
    const rotated = await supabase.auth.refreshSession({ refresh_token: session.refresh_token })
    const latest = rotated.data.session!.refresh_token
    const before = await kit.counts()

    const reuse = await kit.client().auth.refreshSession({ refresh_token: session.refresh_token })
    expect(reuse.data.session).toBeNull()
    expect(reuse.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' })
    expect(await kit.counts()).toEqual(before)

    const next = await kit.client().auth.refreshSession({ refresh_token: latest })
    expect(next.error).toBeNull()
  })

  it('lets the winner of two clients racing to refresh the same token keep its session', async () => {
    const { session } = await signedIn()
    const results = await Promise.all(
      [kit.client(), kit.client()].map((client) =>
        client.auth.refreshSession({ refresh_token: session.refresh_token }),
      ),
    )
    const winners = results.filter((result) => result.error === null)
    const losers = results.filter((result) => result.error !== null)
    expect(winners).toHaveLength(1)
    expect(losers[0].error).toMatchObject({ status: 400, code: 'refresh_token_already_used' })

    const next = await kit
      .client()
      .auth.refreshSession({ refresh_token: winners[0].data.session!.refresh_token })
    expect(next.error).toBeNull()
  })

  it('treats reuse after the reuse interval as theft: 400 refresh_token_already_used, family revoked', async () => {
    const { supabase, session } = await signedIn()
    const rotated = await supabase.auth.refreshSession({ refresh_token: session.refresh_token })
    const latest = rotated.data.session!.refresh_token
    // As if the rotation had happened just past the interval (10 s in supabase/config.toml).
    await kit.db.query(
      `update auth.refresh_tokens set updated_at = now() - make_interval(secs => $2)
       where token = $1`,
      [session.refresh_token, REFRESH_TOKEN_REUSE_INTERVAL_SECONDS + 1],
    )
    const before = await kit.counts()

    const reuse = await kit.client().auth.refreshSession({ refresh_token: session.refresh_token })
    expect(reuse.data.session).toBeNull()
    expect(reuse.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' })

    // Nothing new was issued; the live descendant is revoked with the rest of the family.
    const after = await kit.counts()
    expect(after.refresh_tokens).toBe(before.refresh_tokens)
    expect(after.revoked_tokens).toBe(before.revoked_tokens + 1)
    const stolen = await kit.client().auth.refreshSession({ refresh_token: latest })
    expect(stolen.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' })
  })

  it('answers an unknown refresh token with 400 refresh_token_not_found', async () => {
    const before = await kit.counts()
    const { error } = await kit.client().auth.refreshSession({ refresh_token: 'notarealtoken123' })
    expect(error).toMatchObject({ status: 400, code: 'refresh_token_not_found' })
    expect(await kit.counts()).toEqual(before)
  })
})

describe('GET /user', () => {
  it('returns the user for a valid access token', async () => {
    const { supabase, user, session } = await signedIn()
    const { data, error } = await supabase.auth.getUser(session.access_token)
    expect(error).toBeNull()
    expect(data.user).toMatchObject({ id: user.id, email: user.email })
  })

  it('is 401 no_authorization without a bearer token', async () => {
    const response = await kit.fetch(`${PUBLIC_URL}/auth/v1/user`, {
      headers: { apikey: ANON_KEY, 'x-supabase-api-version': '2024-01-01' },
    })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ code: 'no_authorization' })
  })

  it('is 403 bad_jwt for the anon key, forged, expired and alg:none tokens', async () => {
    const { session } = await signedIn()
    const claims = decodeJwt(session.access_token)
    const now = Math.floor(Date.now() / 1000)
    const forged = await signJwt(claims, 'not-the-secret-not-the-secret-not-the-secret')
    const expired = await signJwt({ ...claims, iat: now - 7200, exp: now - 3600 }, JWT_SECRET)
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`
    for (const token of [ANON_KEY, forged, expired, unsigned, 'not.a.jwt']) {
      const { data, error } = await kit.client().auth.getUser(token)
      expect(data.user).toBeNull()
      expect(error).toMatchObject({ status: 403, code: 'bad_jwt' })
    }
    const { error } = await kit.client().auth.getUser(expired)
    expect(error?.message).toContain('expired')
  })

  it('is 403 user_not_found once the user is deleted', async () => {
    const { session, user } = await signedIn()
    const service = kit.client(SERVICE_ROLE_KEY)
    expect((await service.auth.admin.deleteUser(user.id)).error).toBeNull()
    const { error } = await kit.client().auth.getUser(session.access_token)
    expect(error).toMatchObject({ status: 403, code: 'user_not_found' })
  })
})

describe('PUT /user', () => {
  it('merges user_metadata (null removes a key) and changes the password', async () => {
    const { supabase, email } = await signedIn()
    await supabase.auth.updateUser({ data: { theme: 'dark', nickname: 'Al' } })
    const { data, error } = await supabase.auth.updateUser({
      password: 'brand new pass',
      data: { nickname: null },
    })
    expect(error).toBeNull()
    expect(data.user?.user_metadata).toMatchObject({ theme: 'dark' })
    expect(data.user?.user_metadata).not.toHaveProperty('nickname')
    const old = await kit.client().auth.signInWithPassword({ email, password: 'password1' })
    expect(old.error).toMatchObject({ code: 'invalid_credentials' })
    const fresh = await kit.client().auth.signInWithPassword({ email, password: 'brand new pass' })
    expect(fresh.error).toBeNull()
  })

  it('refuses a weak password, the same password and a taken e-mail, changing nothing', async () => {
    const { supabase, user } = await signedIn()
    const other = await signedIn()
    const snapshot = async () =>
      (await kit.db.query('select * from auth.users where id = $1', [user.id])).rows[0]
    const before = await snapshot()
    const weak = await supabase.auth.updateUser({ password: '123', data: { a: 1 } })
    expect(weak.error).toMatchObject({ status: 422, code: 'weak_password' })
    const same = await supabase.auth.updateUser({ password: 'password1', data: { a: 1 } })
    expect(same.error).toMatchObject({ status: 422, code: 'same_password' })
    // The password is written before the e-mail is found taken: the rollback must undo it.
    const taken = await supabase.auth.updateUser({ password: 'another pass', email: other.email })
    expect(taken.error).toMatchObject({ status: 422, code: 'email_exists' })
    expect(await snapshot()).toEqual(before)
  })
})

describe('logout', () => {
  it('global: 204, every session of the user ends and its refresh tokens stop working', async () => {
    const { supabase, email, session } = await signedIn()
    const second = await kit.client().auth.signInWithPassword({ email, password: 'password1' })
    const { error } = await supabase.auth.signOut()
    expect(error).toBeNull()
    for (const token of [session.refresh_token, second.data.session!.refresh_token]) {
      const refresh = await kit.client().auth.refreshSession({ refresh_token: token })
      expect(refresh.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' })
    }
    // The old access token names a session that no longer exists.
    const me = await kit.client().auth.getUser(session.access_token)
    expect(me.error?.name).toBe('AuthSessionMissingError')
  })

  it('local ends only this session; others ends every other one', async () => {
    const { email } = await signedIn()
    const sessions = await Promise.all(
      [1, 2, 3].map(async () => {
        const client = kit.client()
        const { data } = await client.auth.signInWithPassword({ email, password: 'password1' })
        return { client, session: data.session! }
      }),
    )
    const refreshWorks = async (token: string) =>
      (await kit.client().auth.refreshSession({ refresh_token: token })).error === null

    expect((await sessions[0].client.auth.signOut({ scope: 'local' })).error).toBeNull()
    expect(await refreshWorks(sessions[0].session.refresh_token)).toBe(false)

    expect((await sessions[1].client.auth.signOut({ scope: 'others' })).error).toBeNull()
    expect(await refreshWorks(sessions[2].session.refresh_token)).toBe(false)
    expect(await refreshWorks(sessions[1].session.refresh_token)).toBe(true)
  })

  it('answers 204 with the x-supabase-api-version header', async () => {
    const { session } = await signedIn()
    const response = await kit.fetch(`${PUBLIC_URL}/auth/v1/logout?scope=global`, {
      method: 'POST',
      headers: { apikey: ANON_KEY, authorization: `Bearer ${session.access_token}` },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('x-supabase-api-version')).toBe('2024-01-01')
  })
})
