import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SERVICE_ROLE_KEY } from '../config.ts'
import { startFixture, type Fixture } from './test-fixture.ts'

let f: Fixture
beforeAll(async () => {
  f = await startFixture()
})
afterAll(() => f.close())

async function counterRows() {
  const { rows } = await f.db.query<{ name: string; value: number; note: string | null }>(
    'select name, value, note from public.counters order by name',
  )
  return rows
}

function recorder() {
  const seen: Response[] = []
  const client = f.client(SERVICE_ROLE_KEY, { onResponse: (response) => seen.push(response) })
  return { client, last: () => seen[seen.length - 1] }
}

describe('insert', () => {
  it('inserts one object: 201, no body by default, representation with select()', async () => {
    const { client, last } = recorder()
    const minimal = await client.from('counters').insert({ name: 'ins-a', value: 1 })
    expect(minimal).toMatchObject({ status: 201, data: null, error: null })
    expect(last().headers.get('content-range')).toBe('*/*')
    const full = await f.service.from('counters').insert({ name: 'ins-b' }).select()
    expect(full.status).toBe(201)
    expect(full.data).toEqual([{ name: 'ins-b', value: 0, note: 'fresh' }])
    expect(last().headers.get('preference-applied')).toBeNull()
  })

  it('inserts an array with columns=: missing keys become null unless missing=default', async () => {
    const { data, error } = await f.service
      .from('counters')
      .insert([
        { name: 'arr-1', value: 1 },
        { name: 'arr-2', value: 2, note: 'given' },
      ])
      .select('name, note')
    expect(error).toBeNull()
    expect(data).toEqual([
      { name: 'arr-1', note: null },
      { name: 'arr-2', note: 'given' },
    ])
    const defaults = await f.service
      .from('counters')
      .insert([{ name: 'def-1' }, { name: 'def-2', note: 'mine' }], { defaultToNull: false })
      .select('name, value, note')
      .order('name')
    expect(defaults.error).toBeNull()
    expect(defaults.data).toEqual([
      { name: 'def-1', value: 0, note: 'fresh' },
      { name: 'def-2', value: 0, note: 'mine' },
    ])
  })

  it('missing=default without representation writes every key set', async () => {
    const { status, error, count } = await f.service
      .from('counters')
      .insert([{ name: 'min-1' }, { name: 'min-2', note: 'own' }], {
        defaultToNull: false,
        count: 'exact',
      })
    expect(error).toBeNull()
    expect(status).toBe(201)
    expect(count).toBe(2)
    const rows = (await counterRows()).filter((row) => row.name.startsWith('min-'))
    expect(rows).toEqual([
      { name: 'min-1', value: 0, note: 'fresh' },
      { name: 'min-2', value: 0, note: 'own' },
    ])
  })

  it('reports Preference-Applied and a counted Content-Range', async () => {
    const { client, last } = recorder()
    const { count } = await client
      .from('counters')
      .insert([{ name: 'cnt-1' }, { name: 'cnt-2' }], { count: 'exact' })
      .select()
    expect(count).toBe(2)
    expect(last().headers.get('content-range')).toBe('*/2')
    expect(last().headers.get('preference-applied')).toBe('return=representation, count=exact')
  })

  it('shapes the representation with select= including embeds', async () => {
    const { data, error } = await f.service
      .from('books')
      .insert({
        title: 'New book',
        author_id: 2,
        price: '19.90',
        tags: ['new'],
        meta: { k: [1, 2] },
      })
      .select('title, price, tags, meta, author:authors!author_id(name)')
      .single()
    expect(error).toBeNull()
    expect(data).toEqual({
      title: 'New book',
      price: 19.9,
      tags: ['new'],
      meta: { k: [1, 2] },
      author: { name: 'Stanislaw Lem' },
    })
  })

  it('answers 409 23505 for a duplicate and writes nothing of a failed multi-row insert', async () => {
    const before = await counterRows()
    const { error, status } = await f.service
      .from('counters')
      .insert([{ name: 'multi-ok' }, { name: 'ins-a' }])
    expect(status).toBe(409)
    expect(error).toMatchObject({ code: '23505', details: 'Key (name)=(ins-a) already exists.' })
    expect(await counterRows()).toEqual(before)
  })

  it('maps constraint failures: 23503 409, 23514/23502 400', async () => {
    expect(await f.service.from('books').insert({ title: 'x', author_id: 999 })).toMatchObject({
      status: 409,
      error: { code: '23503' },
    })
    expect(await f.service.from('book_details').insert({ book_id: 1, pages: 0 })).toMatchObject({
      status: 400,
      error: { code: '23514' },
    })
    expect(await f.service.from('books').insert({ price: 1 })).toMatchObject({
      status: 400,
      error: { code: '23502' },
    })
    expect(await f.service.from('book_details').insert({ book_id: 2, pages: 1e12 })).toMatchObject({
      status: 400,
      error: { code: '22003' },
    })
  })

  it('rejects unknown columns with 400 PGRST204', async () => {
    const { error, status } = await f.service.from('counters').insert({ name: 'x', nope: 1 })
    expect(status).toBe(400)
    expect(error).toEqual({
      code: 'PGRST204',
      message: "Could not find the 'nope' column of 'counters' in the schema cache",
      details: null,
      hint: null,
    })
  })

  it('rejects a malformed JSON body with 400 PGRST102', async () => {
    const broken = f.client(SERVICE_ROLE_KEY, { mangleBody: (body) => body.slice(0, -1) })
    const { error, status } = await broken.from('counters').insert({ name: 'broken' })
    expect(status).toBe(400)
    expect(error).toMatchObject({ code: 'PGRST102', message: 'Empty or invalid json' })
  })

  it('single() on an insert of two rows fails with 406 and rolls the insert back', async () => {
    const { status, error } = await f.service
      .from('counters')
      .insert([{ name: 'one-of-two' }, { name: 'two-of-two' }])
      .select()
      .single()
    expect(status).toBe(406)
    expect(error?.code).toBe('PGRST116')
    expect((await counterRows()).some((row) => row.name === 'one-of-two')).toBe(false)
  })

  it('rollback() answers as usual but keeps nothing', async () => {
    const { data, status } = await f.service
      .from('counters')
      .insert({ name: 'rolled' })
      .select()
      .rollback()
    expect(status).toBe(201)
    expect(data).toEqual([{ name: 'rolled', value: 0, note: 'fresh' }])
    expect((await counterRows()).some((row) => row.name === 'rolled')).toBe(false)
  })
})

describe('insert edge cases', () => {
  it('answers return=headers-only with a Location for the new row', async () => {
    const { client, last } = recorder()
    const { status, data } = await client
      .from('authors')
      .insert({ name: 'Located' })
      .setHeader('Prefer', 'return=headers-only')
    expect(status).toBe(201)
    expect(data).toBeNull()
    expect(last().headers.get('location')).toMatch(/^\/authors\?id=eq\.\d+$/)
  })

  it('inserts nothing for an empty array and still answers 201 []', async () => {
    const { status, data, error } = await f.service.from('counters').insert([]).select()
    expect(error).toBeNull()
    expect(status).toBe(201)
    expect(data).toEqual([])
  })

  it('hands the body text to Postgres, so numbers beyond double precision survive', async () => {
    // supabase-js cannot send such a literal; other clients (curl) can, and PostgREST keeps it.
    const exact = f.client(SERVICE_ROLE_KEY, {
      mangleBody: (body) => body.replace('"PRICE"', '99999999999999.99'),
    })
    const { error } = await exact.from('books').insert({ id: 900, title: 'Exact', price: 'PRICE' })
    expect(error).toBeNull()
    const { rows } = await f.db.query<{ price: string }>(
      'select price::text as price from public.books where id = 900',
    )
    expect(rows[0].price).toBe('99999999999999.99')
    await f.service.from('books').update({ price: 1 }).eq('id', 900)
    await exact.from('books').update({ price: 'PRICE' }).eq('id', 900)
    const after = await f.db.query<{ price: string }>(
      'select price::text as price from public.books where id = 900',
    )
    expect(after.rows[0].price).toBe('99999999999999.99')
  })

  it('inserts an all-defaults row for {}', async () => {
    const { data, error } = await f.service
      .from('authors')
      .insert({ name: 'Only name' })
      .select('name, born')
    expect(error).toBeNull()
    expect(data).toEqual([{ name: 'Only name', born: '1920-01-02T03:04:05+00:00' }])
    const empty = await f.service.from('genres').insert({}).select()
    expect(empty.error?.code).toBe('23502')
  })
})

describe('upsert', () => {
  it('merges duplicates on the primary key', async () => {
    await f.service.from('counters').insert({ name: 'up', value: 1, note: 'kept?' })
    const { data, status } = await f.service
      .from('counters')
      .upsert({ name: 'up', value: 2 })
      .select()
    expect(status).toBe(201)
    expect(data).toEqual([{ name: 'up', value: 2, note: 'kept?' }])
  })

  it('ignores duplicates and honours on_conflict', async () => {
    const ignored = await f.service
      .from('counters')
      .upsert({ name: 'up', value: 99 }, { ignoreDuplicates: true })
      .select()
    expect(ignored.data).toEqual([])
    const { data, error } = await f.service
      .from('genres')
      .upsert([{ id: 2, name: 'Philosophy!' }], { onConflict: 'id' })
      .select()
    expect(error).toBeNull()
    expect(data).toEqual([{ id: 2, name: 'Philosophy!' }])
    const byName = await f.service
      .from('genres')
      .upsert({ id: 9, name: 'Philosophy!' }, { onConflict: 'name', ignoreDuplicates: true })
      .select()
    expect(byName).toMatchObject({ error: null, data: [] })
    const bad = await f.service.from('genres').upsert({ id: 1, name: 'x' }, { onConflict: 'nope' })
    expect(bad.error?.code).toBe('PGRST204')
  })

  it('upserts many rows in one request', async () => {
    const { data } = await f.service
      .from('counters')
      .upsert([
        { name: 'up', value: 3 },
        { name: 'up-new', value: 4 },
      ])
      .select('name, value')
      .order('name')
    expect(data).toEqual([
      { name: 'up', value: 3 },
      { name: 'up-new', value: 4 },
    ])
  })
})

describe('update and delete', () => {
  it('updates matching rows: 204 by default, 200 with the representation', async () => {
    await f.service.from('counters').insert([
      { name: 'u1', value: 1 },
      { name: 'u2', value: 1 },
    ])
    const none = await f.service.from('counters').update({ value: 5 }).eq('name', 'u1')
    expect(none).toMatchObject({ status: 204, data: null, error: null })
    const { data, status } = await f.service
      .from('counters')
      .update({ value: 6 })
      .in('name', ['u1', 'u2'])
      .select('name, value')
      .order('name')
    expect(status).toBe(200)
    expect(data).toEqual([
      { name: 'u1', value: 6 },
      { name: 'u2', value: 6 },
    ])
  })

  it('returns rows whose filtered column the update changed', async () => {
    const { data } = await f.service
      .from('counters')
      .update({ note: 'changed' })
      .eq('note', 'fresh')
      .eq('name', 'ins-b')
      .select('name, note')
    expect(data).toEqual([{ name: 'ins-b', note: 'changed' }])
  })

  it('counts updated rows and reports Content-Range', async () => {
    const { client, last } = recorder()
    const { count, status } = await client
      .from('counters')
      .update({ value: 7 }, { count: 'exact' })
      .in('name', ['u1', 'u2'])
    expect(status).toBe(204)
    expect(count).toBe(2)
    expect(last().headers.get('content-range')).toBe('0-1/2')
  })

  it('requires a filter for update and delete (pg-safeupdate, as hosted Supabase)', async () => {
    expect(
      await f.service.from('counters').update({ value: 0 }).eq('name', 'nobody'),
    ).toMatchObject({ error: null })
    const update = await f.service.from('counters').update({ value: 0 })
    expect(update).toMatchObject({
      status: 400,
      error: { code: '21000', message: 'UPDATE requires a WHERE clause' },
    })
    const del = await f.service.from('counters').delete()
    expect(del).toMatchObject({
      status: 400,
      error: { code: '21000', message: 'DELETE requires a WHERE clause' },
    })
  })

  it('deletes matching rows and can return them', async () => {
    const { data, status } = await f.service.from('counters').delete().eq('name', 'u1').select()
    expect(status).toBe(200)
    expect(data).toEqual([{ name: 'u1', value: 7, note: 'fresh' }])
    const again = await f.service.from('counters').delete().eq('name', 'u1')
    expect(again.status).toBe(204)
  })

  it('enforces max-affected with handling=strict', async () => {
    // supabase-js types maxAffected() for PostgREST 13+ schemas only; the wire format is what matters.
    const query = f.service.from('counters').delete().like('name', 'arr-*') as unknown as {
      maxAffected(rows: number): PromiseLike<{ error: { code: string } | null; status: number }>
    }
    const { error, status } = await query.maxAffected(1)
    expect(status).toBe(400)
    expect(error?.code).toBe('PGRST124')
    expect((await counterRows()).filter((row) => row.name.startsWith('arr-'))).toHaveLength(2)
  })

  it('rejects an unknown column in a patch body with PGRST204', async () => {
    const { error } = await f.service.from('counters').update({ nope: 1 }).eq('name', 'up')
    expect(error?.code).toBe('PGRST204')
  })
})
