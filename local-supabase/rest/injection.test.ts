import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixture, type Fixture } from './test-fixture.ts'

let f: Fixture
beforeAll(async () => {
  f = await startFixture()
  await f.db.exec(
    `create table public.canary (id int primary key); insert into public.canary values (1);`,
  )
  await f.rest.reloadSchema()
})
afterAll(() => f.close())

const PAYLOAD = `x'); drop table public.canary; --`
const QUOTED = `"a""; drop table public.canary; --"`

/** Every attempt must end in a PostgREST error (4xx) or a harmless result — never SQL. */
async function attempt(run: () => PromiseLike<{ status: number; error: { code: string } | null }>) {
  const result = await run()
  expect(result.status).toBeLessThan(500)
  const { rows } = await f.db.query<{ n: number }>('select count(*)::int as n from public.canary')
  expect(rows[0].n).toBe(1)
  return result
}

describe('no SQL can be injected', () => {
  it('through table names', async () => {
    expect(
      (await attempt(() => f.service.from(`books; drop table public.canary; --`).select())).error
        ?.code,
    ).toBe('PGRST205')
    expect((await attempt(() => f.service.from(`books" cascade; --`).select())).error?.code).toBe(
      'PGRST205',
    )
  })

  it('through select columns, aliases, casts, JSON paths and embeds', async () => {
    await attempt(() => f.service.from('books').select(`id, (select 1); drop table public.canary`))
    await attempt(() => f.service.from('books').select(`${QUOTED}:id`))
    await attempt(() => f.service.from('books').select(`id::text; drop table public.canary`))
    await attempt(() => f.service.from('books').select(`id::"int4 from public.canary; --"`))
    const path = await attempt(() =>
      f.service.from('books').select(`id, meta->>"${PAYLOAD}"`).eq('id', 1),
    )
    expect(path.error).toBeNull()
    await attempt(() =>
      f.service.from('books').select(`authors!"x; drop table public.canary"(name)`),
    )
    await attempt(() => f.service.from('books').select(`${QUOTED}(name)`))
  })

  it('through alias names, which are quoted identifiers', async () => {
    const { data, error } = (await attempt(() =>
      f.service.from('books').select(`"weird'); drop table public.canary; --":title`).eq('id', 2),
    )) as { data: unknown; status: number; error: null }
    expect(error).toBeNull()
    expect(data).toEqual([{ "weird'); drop table public.canary; --": 'Solaris' }])
  })

  it('through filter columns, operators and values', async () => {
    await attempt(() =>
      f.service.from('books').select('id').eq(`id); drop table public.canary; --`, 1),
    )
    await attempt(() =>
      f.service.from('books').select('id').filter('id', `eq; drop table public.canary; --`, 1),
    )
    const value = await attempt(() => f.service.from('books').select('id').eq('title', PAYLOAD))
    expect(value.error).toBeNull()
    await attempt(() => f.service.from('books').select('id').in('title', [PAYLOAD, `a"b`, `)`]))
    await attempt(() => f.service.from('books').select('id').or(`id.eq.1,title.eq.${PAYLOAD}`))
    await attempt(() =>
      f.service.from('books').select('id').or(`id.eq.1);drop table public.canary;--`),
    )
    await attempt(() =>
      f.service
        .from('books')
        .select('id')
        .textSearch('search', PAYLOAD, { config: `english'); drop table public.canary; --` }),
    )
    await attempt(() => f.service.from('books').select('id').eq(`meta->>${PAYLOAD}`, 1))
    await attempt(() =>
      f.service.from('books').select('id').like('title', `%'; drop table public.canary; --`),
    )
    await attempt(() => f.service.from('books').select('id').contains('tags', [PAYLOAD]))
  })

  it('through order and paging', async () => {
    await attempt(() =>
      f.service.from('books').select('id').order(`id; drop table public.canary; --`),
    )
    await attempt(() =>
      f.service
        .from('books')
        .select('id')
        .order('id', { referencedTable: `x; drop table public.canary` }),
    )
    await attempt(() =>
      f.service
        .from('books')
        .select('id')
        .limit(`1; drop table public.canary` as unknown as number),
    )
  })

  it('through columns=, on_conflict and JSON keys', async () => {
    const columns = await attempt(() =>
      f.service
        .from('counters')
        .insert([{ [`name") values ('x'); drop table public.canary; --`]: 'x' }]),
    )
    // supabase-js wraps each key in double quotes; one inside the key breaks the list syntax.
    expect(columns.error?.code).toBe('PGRST100')
    const plain = await attempt(() =>
      f.service.from('counters').insert([{ [`name; drop table public.canary`]: 'x' }]),
    )
    expect(plain.error?.code).toBe('PGRST204')
    await attempt(() =>
      f.service
        .from('counters')
        .upsert({ name: 'a' }, { onConflict: `name) do nothing; drop table public.canary; --` }),
    )
    const key = await attempt(() =>
      f.service.from('counters').insert({ [`value = 1; drop table public.canary; --`]: 1 }),
    )
    expect(key.error?.code).toBe('PGRST204')
    const patch = await attempt(() =>
      f.service
        .from('counters')
        .update({ [`note" = 'x'; drop table public.canary; --`]: 1 })
        .eq('name', 'a'),
    )
    expect(patch.error?.code).toBe('PGRST204')
    const value = await attempt(() =>
      f.service
        .from('counters')
        .insert({ name: PAYLOAD, note: `'); drop table public.canary; --` })
        .select('name'),
    )
    expect(value.error).toBeNull()
  })

  it('through rpc names, argument names and argument values', async () => {
    expect(
      (await attempt(() => f.service.rpc(`add; drop table public.canary; --`))).error?.code,
    ).toBe('PGRST202')
    expect(
      (
        await attempt(() =>
          f.service.rpc('add', { [`a => 1); drop table public.canary; --`]: 1, b: 1 }),
        )
      ).error?.code,
    ).toBe('PGRST202')
    expect(
      (
        await attempt(() =>
          f.service.rpc('hello', {}, { get: true }).eq(`x; drop table public.canary`, 1),
        )
      ).status,
    ).toBe(400)
    const value = await attempt(() => f.service.rpc('echo', { v: PAYLOAD }))
    expect(value.error).toBeNull()
    await attempt(() =>
      f.service.rpc('add', { a: `1); drop table public.canary; --`, b: 1 }, { get: true }),
    )
  })
})
