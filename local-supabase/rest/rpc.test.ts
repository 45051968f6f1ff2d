import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SERVICE_ROLE_KEY } from '../config.ts'
import { ALICE, startFixture, type Fixture } from './test-fixture.ts'

let f: Fixture
beforeAll(async () => {
  f = await startFixture()
})
afterAll(() => f.close())

describe('rpc', () => {
  it('returns a scalar as a JSON scalar', async () => {
    expect(await f.anon.rpc('add', { a: 2, b: 40 })).toMatchObject({
      status: 200,
      data: 42,
      error: null,
    })
    expect((await f.anon.rpc('hello')).data).toBe('hello "world"')
  })

  it('renders numeric exactly as Postgres does', async () => {
    let text = ''
    const client = f.client(SERVICE_ROLE_KEY, {
      onResponse: (response) =>
        void response
          .clone()
          .text()
          .then((t) => (text = t)),
    })
    await client.rpc('big_number')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(text).toBe('12345678901234567890.123456789')
  })

  it('uses parameter defaults when an argument is omitted', async () => {
    expect((await f.anon.rpc('with_default', { a: 1 })).data).toBe(11)
    expect((await f.anon.rpc('with_default', { a: 1, b: 2 })).data).toBe(3)
  })

  it('answers a void function with 204 and no data', async () => {
    expect(await f.anon.rpc('noop')).toMatchObject({ status: 204, data: null, error: null })
  })

  it('returns a composite as an object and setof/table as arrays', async () => {
    const one = await f.anon.rpc('first_book')
    expect(one.data).toMatchObject({
      id: 1,
      title: 'The Dispossessed',
      price: 12.5,
      tags: ['scifi', 'classic'],
    })
    const table = await f.anon.rpc('author_stats')
    expect(table.data).toEqual([
      { author: 'Nobody', books: 0 },
      { author: 'Stanislaw Lem', books: 2 },
      { author: 'Ursula Le Guin', books: 2 },
    ])
    expect((await f.anon.rpc('numbers')).data).toEqual([1, 2, 3, 4, 5])
  })

  it('applies select, filters, order, limit and count to set results, with embedding', async () => {
    const { data, count, status } = await f.anon
      .rpc('books_by', { author: 1 }, { count: 'exact' })
      .select('id, title, author:authors!author_id(name)')
      .gt('id', 0)
      .order('id', { ascending: false })
      .limit(1)
    expect(status).toBe(206)
    expect(count).toBe(2)
    expect(data).toEqual([
      { id: 3, title: 'The Lathe of Heaven', author: { name: 'Ursula Le Guin' } },
    ])
    const single = await f.anon.rpc('books_by', { author: 2 }).select('title').eq('id', 2).single()
    expect(single.data).toEqual({ title: 'Solaris' })
  })

  it('calls with GET (get: true) and HEAD, arguments in the query string', async () => {
    expect((await f.anon.rpc('add', { a: 5, b: 6 }, { get: true })).data).toBe(11)
    const head = await f.anon.rpc('books_by', { author: 1 }, { head: true, count: 'exact' })
    expect(head).toMatchObject({ status: 200, data: null, count: 2 })
  })

  it('takes every GET parameter without an operator as an argument: an unknown one is PGRST202', async () => {
    const bogus = await f.anon.rpc('author_stats', { p_bogus: 1 }, { get: true })
    expect(bogus.status).toBe(404)
    expect(bogus.error).toMatchObject({
      code: 'PGRST202',
      message: 'Could not find the function public.author_stats(p_bogus) in the schema cache',
    })
    // a word that only looks like an operator because every object has it is an argument too
    const inherited = await f.anon.rpc('add', { a: 1, b: 2, c: 'constructor.x' }, { get: true })
    expect(inherited.error?.code).toBe('PGRST202')
    const extra = await f.anon.rpc('add', { a: 1, b: 2, c: 'x' }, { get: true })
    expect(extra.status).toBe(404)
    expect(extra.error?.message).toBe(
      'Could not find the function public.add(a, b, c) in the schema cache',
    )
    // With an operator it stays a filter on the result.
    const filtered = await f.anon
      .rpc('books_by', { author: 1 }, { get: true })
      .eq('title', 'nope')
      .not('id', 'is', null)
    expect(filtered).toMatchObject({ status: 200, error: null, data: [] })
  })

  it('runs GET calls read-only: a write gives 405 (25006)', async () => {
    const alice = await f.asUser(ALICE)
    const { error, status } = await alice.rpc('add_note', { body: 'via get' }, { get: true })
    expect(status).toBe(405)
    expect(error?.code).toBe('25006')
  })

  it('runs stable functions read-only even over POST, volatile ones read-write', async () => {
    const alice = await f.asUser(ALICE)
    expect((await alice.rpc('add_note_stable', { body: 'x' })).error?.code).toBe('25006')
    const { data, error } = await alice.rpc('add_note', { body: 'via post' })
    expect(error).toBeNull()
    expect(data).toMatchObject({ owner: ALICE, body: 'via post' })
  })

  it('passes the whole body to a single unnamed jsonb parameter', async () => {
    expect((await f.anon.rpc('echo', { any: { nested: [1, 'two'] } })).data).toEqual({
      any: { nested: [1, 'two'] },
    })
  })

  it('gives 404 PGRST202 for unknown functions or arguments', async () => {
    const unknown = await f.anon.rpc('nope')
    expect(unknown.status).toBe(404)
    expect(unknown.error).toEqual({
      code: 'PGRST202',
      message: 'Could not find the function public.nope without parameters in the schema cache',
      details:
        'Searched for the function public.nope without parameters or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.',
      hint: 'Perhaps you meant to call the function public.noop',
    })
    const badArgs = await f.anon.rpc('add', { a: 1, z: 2 })
    expect(badArgs.status).toBe(404)
    expect(badArgs.error?.message).toBe(
      'Could not find the function public.add(a, z) in the schema cache',
    )
    expect(badArgs.error?.hint).toBe('Perhaps you meant to call the function public.add(a, b)')
  })

  it('resolves overloads by argument names, and reports ambiguity as 300 PGRST203', async () => {
    await f.db.exec(`
      create function public.pick(a int) returns text language sql as $$ select 'int' $$;
      create function public.pick(a text) returns text language sql as $$ select 'text' $$;
      create function public.pick(a int, b int) returns text language sql as $$ select 'two' $$;`)
    await f.rest.reloadSchema()
    expect((await f.anon.rpc('pick', { a: 1, b: 2 })).data).toBe('two')
    const ambiguous = await f.anon.rpc('pick', { a: 1 })
    expect(ambiguous.status).toBe(300)
    expect(ambiguous.error).toMatchObject({
      code: 'PGRST203',
      message:
        'Could not choose the best candidate function between: public.pick(a => integer), public.pick(a => text)',
    })
  })

  it('gives 400 22P02 for an argument of the wrong type', async () => {
    const { status, error } = await f.anon.rpc('add', { a: 'x', b: 1 })
    expect(status).toBe(400)
    expect(error?.code).toBe('22P02')
  })

  it('maps raised errors: P0001 400 with detail/hint, PTnnn status, 40001 500', async () => {
    expect(await f.anon.rpc('fail', { kind: 'p0001' })).toMatchObject({
      status: 400,
      error: { code: 'P0001', message: 'nope', details: 'some detail', hint: 'some hint' },
    })
    expect(await f.anon.rpc('fail', { kind: 'pt402' })).toMatchObject({
      status: 402,
      error: { code: 'PT402', message: 'pay up' },
    })
    expect(await f.anon.rpc('fail', { kind: 'serialization' })).toMatchObject({
      status: 500,
      error: { code: '40001' },
    })
  })

  it('sets role, claims, request.method and search_path for the function', async () => {
    const alice = await f.asUser(ALICE)
    expect((await alice.rpc('whoami')).data).toEqual({
      role: 'authenticated',
      uid: ALICE,
      method: 'POST',
      search_path: '"public", "extensions"',
      timezone: 'UTC',
    })
    expect((await f.anon.rpc('whoami', {}, { get: true })).data).toEqual({
      role: 'anon',
      uid: null,
      method: 'GET',
      search_path: '"public", "extensions"',
      timezone: 'UTC',
    })
  })

  it('sees functions created later after reloadSchema()', async () => {
    await f.db.exec(`create function public.later() returns int language sql as $$ select 7 $$`)
    expect((await f.anon.rpc('later')).error?.code).toBe('PGRST202')
    await f.rest.reloadSchema()
    expect((await f.anon.rpc('later')).data).toBe(7)
  })

  it("reloads on NOTIFY pgrst, 'reload schema'", async () => {
    await f.db.exec(
      `create function public.notified() returns int language sql as $$ select 8 $$; notify pgrst, 'reload schema'`,
    )
    await expect.poll(async () => (await f.anon.rpc('notified')).data, { timeout: 5000 }).toBe(8)
  })
})
