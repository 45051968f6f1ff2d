import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ANON_KEY, JWT_SECRET, SERVICE_ROLE_KEY } from '../config.ts'
import { secretKey, signJwt } from '../jwt.ts'
import { ALICE, BOB, startFixture, type Fixture } from './test-fixture.ts'

let f: Fixture
beforeAll(async () => {
  f = await startFixture()
})
afterAll(() => f.close())

const bodies = (data: unknown) => (data as { body: string }[]).map((row) => row.body).sort()

describe('JWT', () => {
  it('rejects a forged signature with 401 PGRST301', async () => {
    const forged = await signJwt(
      { role: 'service_role' },
      'another-secret-that-is-at-least-32-chars',
    )
    const { status, error } = await f.client(forged).from('books').select('id')
    expect(status).toBe(401)
    expect(error?.code).toBe('PGRST301')
  })

  it('rejects alg:none and garbage tokens with 401 PGRST301', async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
    const none = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ role: 'service_role' })}.`
    expect((await f.client(none).from('secrets').select()).error?.code).toBe('PGRST301')
    expect((await f.client('not-a-jwt').from('books').select()).status).toBe(401)
  })

  it('rejects an expired token with 401 PGRST303 "JWT expired"', async () => {
    const expired = await new SignJWT({ role: 'authenticated', sub: ALICE })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(secretKey(JWT_SECRET))
    const { status, error } = await f.client(expired).from('books').select('id')
    expect(status).toBe(401)
    expect(error).toEqual({ code: 'PGRST303', message: 'JWT expired', details: null, hint: null })
  })
})

describe('roles and RLS', () => {
  it('isolates users by their JWT sub', async () => {
    const alice = await f.asUser(ALICE)
    const bob = await f.asUser(BOB)
    expect(bodies((await alice.from('notes').select('body')).data)).toEqual([
      'alice one',
      'alice two',
    ])
    expect(bodies((await bob.from('notes').select('body')).data)).toEqual(['bob one'])
  })

  it('anon sees no RLS rows; service_role bypasses RLS', async () => {
    expect((await f.anon.from('notes').select('body')).data).toEqual([])
    expect(
      (await f.service.from('notes').select('body', { count: 'exact', head: true })).count,
    ).toBe(3)
  })

  it("cannot update or delete another user's rows (silently zero rows)", async () => {
    const bob = await f.asUser(BOB)
    const update = await bob
      .from('notes')
      .update({ body: 'hacked' })
      .eq('body', 'alice one')
      .select()
    expect(update).toMatchObject({ status: 200, data: [] })
    const del = await bob.from('notes').delete().eq('body', 'alice two').select()
    expect(del.data).toEqual([])
    expect(bodies((await (await f.asUser(ALICE)).from('notes').select('body')).data)).toEqual([
      'alice one',
      'alice two',
    ])
  })

  it('inserting a row for someone else violates the policy: 403 42501', async () => {
    const bob = await f.asUser(BOB)
    const { status, error } = await bob.from('notes').insert({ owner: ALICE, body: 'forged' })
    expect(status).toBe(403)
    expect(error?.code).toBe('42501')
    expect(error?.message).toContain('row-level security')
  })

  it('fills owner from auth.uid() by default', async () => {
    const bob = await f.asUser(BOB)
    const { data, error } = await bob
      .from('notes')
      .insert({ body: 'bob two' })
      .select('owner, body')
      .single()
    expect(error).toBeNull()
    expect(data).toEqual({ owner: BOB, body: 'bob two' })
  })

  it('maps permission denied to 401 for anon and 403 for authenticated', async () => {
    expect((await f.anon.from('secrets').select()).status).toBe(401)
    expect((await (await f.asUser(ALICE)).from('secrets').select()).status).toBe(403)
    expect((await f.service.from('secrets').select('value')).data).toEqual([{ value: 'hidden' }])
    expect((await f.anon.from('notes').insert({ body: 'anon' })).status).toBe(401)
  })

  it('runs the demo anon key as anon and the service key as service_role', async () => {
    expect((await f.client(ANON_KEY).from('secrets').select()).status).toBe(401)
    expect((await f.client(SERVICE_ROLE_KEY).from('secrets').select('id')).data).toEqual([
      { id: 1 },
    ])
  })
})

describe('protocol errors', () => {
  it('unknown table: 404 PGRST205 with a suggestion', async () => {
    const { status, error } = await f.anon.from('note').select()
    expect(status).toBe(404)
    expect(error).toEqual({
      code: 'PGRST205',
      message: "Could not find the table 'public.note' in the schema cache",
      details: null,
      hint: "Perhaps you meant the table 'public.notes'",
    })
  })

  it('unknown column: 400 42703', async () => {
    const { status, error } = await f.anon.from('books').select('id, nope')
    expect(status).toBe(400)
    expect(error).toMatchObject({ code: '42703', message: 'column books.nope does not exist' })
    expect((await f.anon.from('books').select('id').eq('nope', 1)).error?.code).toBe('42703')
    expect((await f.anon.from('books').select('id').order('nope')).error?.code).toBe('42703')
  })

  it('undefined operator (42883) and undefined table (42P01) are 404s', async () => {
    const operator = await f.anon.from('books').select('id').like('id', '1*')
    expect(operator.status).toBe(404)
    expect(operator.error?.code).toBe('42883')
    await f.db.exec(`create function public.broken() returns int language plpgsql as $$
      begin return (select count(*) from public.gone); end $$`)
    await f.rest.reloadSchema()
    const table = await f.anon.rpc('broken')
    expect(table.status).toBe(404)
    expect(table.error?.code).toBe('42P01')
  })

  it('unknown schema: 406 PGRST106', async () => {
    const { status, error } = await f.anon.schema('auth').from('users').select()
    expect(status).toBe(406)
    expect(error?.code).toBe('PGRST106')
  })

  it('malformed select: 400 PGRST100', async () => {
    const { status, error } = await f.anon.from('books').select('id,(title')
    expect(status).toBe(400)
    expect(error?.code).toBe('PGRST100')
    expect(error?.message).toContain('failed to parse select parameter')
  })

  it('aggregates are disabled, as on Supabase: 400 PGRST123', async () => {
    expect((await f.anon.from('books').select('count()')).error?.code).toBe('PGRST123')
    expect((await f.anon.from('books').select('price.sum()')).error?.code).toBe('PGRST123')
  })

  it('invalid preferences: ignored by default, 400 PGRST122 with handling=strict', async () => {
    const lenient = await f.anon
      .from('books')
      .select('id')
      .eq('id', 1)
      .setHeader('Prefer', 'nonsense=1')
    expect(lenient).toMatchObject({ status: 200, data: [{ id: 1 }] })
    const strict = await f.anon
      .from('books')
      .select('id')
      .setHeader('Prefer', 'handling=strict, nonsense=1')
    expect(strict.status).toBe(400)
    expect(strict.error).toMatchObject({
      code: 'PGRST122',
      details: 'Invalid preferences: nonsense=1',
    })
  })

  it('unknown cast type: 400', async () => {
    expect((await f.anon.from('books').select('id::nosuchtype')).status).toBe(400)
  })
})
