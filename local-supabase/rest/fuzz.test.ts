import fc from 'fast-check'
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

/** Characters that matter to SQL and to PostgREST's grammar, mixed with plain ones. */
const nasty = fc.string({
  unit: fc.constantFrom(...`abcid_ .,:;()!*"'\\-><=$%{}[]\n\t/?&#+@é0159`.split('')),
  maxLength: 40,
})

/** Fragments of real PostgREST syntax glued at random, to get past the first parse error. */
const grammar = fc
  .array(
    fc.constantFrom(
      'id',
      'title',
      '*',
      ',',
      '(',
      ')',
      ':',
      '::text',
      '->a',
      '->>n',
      '!inner',
      '"',
      '.',
      'eq',
      'in',
      'authors!author_id(name)',
      'books!author_id(*)',
      'genres(*)',
      '...authors!editor_id(name)',
      'alias:meta->a->>b',
      'book_details(pages)',
      'not.',
      'is.null',
      'or(',
      'and(',
      '{a,b}',
      'meta',
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(''))

async function canaryAlive(): Promise<boolean> {
  const { rows } = await f.db.query<{ n: number }>('select count(*)::int as n from public.canary')
  return rows[0].n === 1
}

type Result = { status: number; error: { code: string; message: string } | null }

/** Arbitrary input may fail, but only as a client error with PostgREST's JSON shape. */
function expectClientError(result: Result) {
  expect(result.status).toBeLessThan(500)
  if (result.error) {
    expect(typeof result.error.code).toBe('string')
    expect(typeof result.error.message).toBe('string')
  }
}

describe('arbitrary input never crashes the handler or runs SQL', () => {
  it('in select, filters and order', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, nasty, nasty, nasty, async (select, column, value, order) => {
        expectClientError(await f.service.from('books').select(select).limit(1))
        expectClientError(await f.service.from('books').select('id').filter(column, 'eq', value))
        expectClientError(await f.service.from('books').select('id').filter('title', column, value))
        expectClientError(await f.service.from('books').select('id').or(value))
        expectClientError(await f.service.from('books').select('id').order(order))
        expect(await canaryAlive()).toBe(true)
      }),
      { numRuns: 60 },
    )
  })

  it('in grammar-shaped select, filter and order values', async () => {
    await fc.assert(
      fc.asyncProperty(grammar, grammar, grammar, async (select, filter, order) => {
        expectClientError(await f.service.from('authors').select(select).limit(2))
        expectClientError(await f.service.from('books').select(select).or(filter).order(order))
        expectClientError(await f.service.from('books').select('id').filter('title', 'in', filter))
        expectClientError(
          await f.service
            .from('books')
            .select('*, authors!author_id(*)')
            .filter(`authors.${order}`, 'eq', filter),
        )
        expect(await canaryAlive()).toBe(true)
      }),
      { numRuns: 60 },
    )
  })

  it('in table names, rpc names, argument names and JSON keys', async () => {
    await fc.assert(
      // supabase-js itself refuses an empty relation name.
      fc.asyncProperty(
        nasty.filter((s) => s.trim() !== ''),
        nasty,
        fc.jsonValue(),
        async (name, key, value) => {
          expectClientError(await f.service.from(name).select())
          expectClientError(await f.service.rpc(name, { [key]: value }))
          expectClientError(await f.service.rpc('add', { a: 1, [key]: value }))
          expectClientError(
            await f.service
              .from('counters')
              .insert({ [key]: value })
              .select(),
          )
          expectClientError(
            await f.service
              .from('counters')
              .update({ [key]: value })
              .eq('name', key),
          )
          expectClientError(
            await f.service.from('counters').upsert({ name: key }, { onConflict: name }),
          )
          expect(await canaryAlive()).toBe(true)
        },
      ),
      { numRuns: 60 },
    )
  })
})
