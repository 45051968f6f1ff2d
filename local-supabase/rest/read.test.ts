import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SERVICE_ROLE_KEY } from '../config.ts'
import { startFixture, type Fixture } from './test-fixture.ts'

let f: Fixture
beforeAll(async () => {
  f = await startFixture()
})
afterAll(() => f.close())

const ids = (data: unknown) => (data as { id: number }[]).map((row) => row.id)

describe('select', () => {
  it('returns columns with PostgREST serialization (numeric as number, date as text)', async () => {
    const { data, error, status } = await f.anon
      .from('books')
      .select('id,title,price,published,tags')
      .order('id')
    expect(error).toBeNull()
    expect(status).toBe(200)
    expect(data?.[0]).toEqual({
      id: 1,
      title: 'The Dispossessed',
      price: 12.5,
      published: '1974-05-01',
      tags: ['scifi', 'classic'],
    })
    expect(data?.[2]).toMatchObject({ price: 123456789012.34, published: null })
  })

  it('serializes timestamptz as ISO text', async () => {
    const { data } = await f.anon.from('authors').select('born').eq('id', 1).single()
    expect(data).toEqual({ born: '1920-01-02T03:04:05+00:00' })
  })

  it('supports *, aliases, casts and JSON paths', async () => {
    const { data, error } = await f.anon
      .from('books')
      .select('*, label:title, price_text:price::text, meta->a->>b, n:meta->n, inner:meta->a')
      .eq('id', 1)
      .single()
    expect(error).toBeNull()
    expect(data).toMatchObject({
      id: 1,
      label: 'The Dispossessed',
      price_text: '12.50',
      b: 'deep',
      n: 1,
      inner: { b: 'deep' },
      title: 'The Dispossessed',
    })
  })

  it('selects, filters and orders by computed fields (functions of the row type)', async () => {
    const { data, error } = await f.anon
      .from('books')
      .select('id, label')
      .like('label', '*(?)')
      .order('label')
    expect(error).toBeNull()
    expect(data).toEqual([{ id: 4, label: "His Master's Voice (?)" }])
    const written = await f.service
      .from('books')
      .insert({ title: 'Computed', price: 1 })
      .select('label')
      .rollback()
      .single()
    expect(written.data).toEqual({ label: 'Computed (1.00)' })
    const viaRpc = await f.anon.rpc('books_by', { author: 2 }).select('label').order('id')
    expect(viaRpc.data).toEqual([{ label: 'Solaris (9.99)' }, { label: "His Master's Voice (?)" }])
  })

  it('keeps output aliases that shadow internal names apart from whole rows', async () => {
    const { data, error } = await f.anon
      .from('books')
      .select('_page:id, _e:title, author:authors!author_id(_e:name), book_details(_src:pages)')
      .eq('id', 1)
    expect(error).toBeNull()
    expect(data).toEqual([
      {
        _page: 1,
        _e: 'The Dispossessed',
        author: { _e: 'Ursula Le Guin' },
        book_details: { _src: 387 },
      },
    ])
  })

  it('reads JSON array elements by index, negative from the end', async () => {
    await f.db.exec(`update public.books set meta = meta || '{"list": [10, 20, 30]}' where id = 2`)
    const { data, error } = await f.anon
      .from('books')
      .select('first:meta->list->0, last:meta->list->-1')
      .eq('id', 2)
      .single()
    expect(error).toBeNull()
    expect(data).toEqual({ first: 10, last: 30 })
  })

  it('reads views', async () => {
    const { data } = await f.anon.from('book_titles').select('title').eq('id', 2)
    expect(data).toEqual([{ title: 'Solaris' }])
  })

  it('returns an empty array when nothing matches', async () => {
    const { data, status } = await f.anon.from('books').select('id').eq('id', 999)
    expect(status).toBe(200)
    expect(data).toEqual([])
  })
})

describe('embedding', () => {
  it('embeds to-one as an object, one-to-one as an object and many-to-many as an array', async () => {
    const { data, error } = await f.anon
      .from('books')
      .select('title, author:authors!author_id(name), book_details(pages), genres(name)')
      .eq('id', 1)
      .single()
    expect(error).toBeNull()
    expect(data).toEqual({
      title: 'The Dispossessed',
      author: { name: 'Ursula Le Guin' },
      book_details: { pages: 387 },
      genres: [{ name: 'Science fiction' }, { name: 'Philosophy' }],
    })
  })

  it('gives null for a missing to-one and [] for an empty to-many', async () => {
    const { data } = await f.anon
      .from('books')
      .select('id, editor:authors!editor_id(name), book_details(pages)')
      .eq('id', 3)
      .single()
    expect(data).toEqual({ id: 3, editor: null, book_details: null })
    const authors = await f.anon
      .from('authors')
      .select('name, books!author_id(title)')
      .eq('id', 3)
      .single()
    expect(authors.data).toEqual({ name: 'Nobody', books: [] })
  })

  it('disambiguates by foreign key column or constraint name', async () => {
    const byColumn = await f.anon
      .from('books')
      .select('editor:authors!editor_id(name)')
      .eq('id', 1)
      .single()
    expect(byColumn.data).toEqual({ editor: { name: 'Stanislaw Lem' } })
    const byName = await f.anon
      .from('books')
      .select('writer:authors!books_author_id_fkey(name)')
      .eq('id', 1)
      .single()
    expect(byName.data).toEqual({ writer: { name: 'Ursula Le Guin' } })
  })

  it('reports an ambiguous embed with 300 PGRST201 and an unknown one with 400 PGRST200', async () => {
    const ambiguous = await f.anon.from('books').select('authors(name)')
    expect(ambiguous.status).toBe(300)
    expect(ambiguous.error?.code).toBe('PGRST201')
    expect(ambiguous.error?.hint).toContain("'authors!books_author_id_fkey'")
    const unknown = await f.anon.from('books').select('secrets(*)')
    expect(unknown.status).toBe(400)
    expect(unknown.error).toMatchObject({
      code: 'PGRST200',
      message: "Could not find a relationship between 'books' and 'secrets' in the schema cache",
    })
  })

  it('nests embeds and orders, filters and limits inside them', async () => {
    const { data, error } = await f.anon
      .from('authors')
      .select('name, books!author_id(title, book_details(pages))')
      .eq('id', 1)
      .order('title', { referencedTable: 'books', ascending: false })
      .limit(1, { referencedTable: 'books' })
      .single()
    expect(error).toBeNull()
    expect(data).toEqual({
      name: 'Ursula Le Guin',
      books: [{ title: 'The Lathe of Heaven', book_details: null }],
    })
    const filtered = await f.anon
      .from('authors')
      .select('id, books!author_id(title)')
      .eq('books.title', 'Solaris')
      .order('id')
    expect(filtered.data).toEqual([
      { id: 1, books: [] },
      { id: 2, books: [{ title: 'Solaris' }] },
      { id: 3, books: [] },
    ])
  })

  it('applies or= and and= inside an embed (referencedTable)', async () => {
    const { data } = await f.anon
      .from('authors')
      .select('id, books!author_id(id)')
      .or('id.eq.1,id.eq.4', { referencedTable: 'books' })
      .order('id')
    expect(data).toEqual([
      { id: 1, books: [{ id: 1 }] },
      { id: 2, books: [{ id: 4 }] },
      { id: 3, books: [] },
    ])
  })

  it('!inner keeps only parents with a matching child; not.is.null does the same', async () => {
    const inner = await f.anon
      .from('authors')
      .select('id, books!author_id!inner(title)')
      .eq('books.title', 'Solaris')
    expect(inner.data).toEqual([{ id: 2, books: [{ title: 'Solaris' }] }])
    const notNull = await f.anon
      .from('books')
      .select('id, book_details(pages)')
      .not('book_details', 'is', null)
      .order('id')
    expect(ids(notNull.data)).toEqual([1, 2])
    const isNull = await f.anon
      .from('books')
      .select('id, book_details(pages)')
      .is('book_details', null)
      .order('id')
    expect(ids(isNull.data)).toEqual([3, 4])
  })

  it("embeds through views using their base tables' foreign keys", async () => {
    const fromView = await f.anon
      .from('cheap_books')
      .select('title, authors(name)')
      .order('book_id')
    expect(fromView.error).toBeNull()
    expect(fromView.data).toEqual([
      { title: 'The Dispossessed', authors: { name: 'Ursula Le Guin' } },
      { title: 'Solaris', authors: { name: 'Stanislaw Lem' } },
    ])
    const toView = await f.anon
      .from('authors')
      .select('id, cheap_books(title)')
      .eq('id', 2)
      .single()
    expect(toView.data).toEqual({ id: 2, cheap_books: [{ title: 'Solaris' }] })
    const viewToView = await f.anon
      .from('cheap_books')
      .select('book_id, author_names(name)')
      .eq('book_id', 1)
      .single()
    expect(viewToView.data).toEqual({ book_id: 1, author_names: { name: 'Ursula Le Guin' } })
    const detail = await f.anon
      .from('book_titles')
      .select('title, book_details(pages)')
      .eq('id', 1)
      .single()
    expect(detail.data).toEqual({ title: 'The Dispossessed', book_details: { pages: 387 } })
  })

  it('ORs across embedded resources with is.null inside or=', async () => {
    const { data, error } = await f.anon
      .from('books')
      .select('id, book_details(pages)')
      .gt('book_details.pages', 300)
      .or('id.eq.4,book_details.not.is.null')
      .order('id')
    expect(error).toBeNull()
    expect(data).toEqual([
      { id: 1, book_details: { pages: 387 } },
      { id: 4, book_details: null },
    ])
  })

  it('spreads a to-one embed into its parent', async () => {
    const { data } = await f.anon
      .from('books')
      .select('id, ...authors!author_id(author_name:name)')
      .eq('id', 2)
      .single()
    expect(data).toEqual({ id: 2, author_name: 'Stanislaw Lem' })
  })

  it('counts a to-many embed with rel(count), as PostgREST does with aggregates disabled', async () => {
    const { data, error } = await f.anon
      .from('authors')
      .select('id, books!author_id(count)')
      .order('id')
    expect(error).toBeNull()
    expect(data).toEqual([
      { id: 1, books: [{ count: 2 }] },
      { id: 2, books: [{ count: 2 }] },
      { id: 3, books: [{ count: 0 }] },
    ])
    const filtered = await f.anon
      .from('books')
      .select('id, n:genres(total:count)')
      .eq('n.name', 'Philosophy')
      .order('id')
      .limit(2)
    expect(filtered.data).toEqual([
      { id: 1, n: [{ total: 1 }] },
      { id: 2, n: [{ total: 0 }] },
    ])
    // count() with parentheses is an aggregate, still refused.
    const parens = await f.anon.from('authors').select('id, books!author_id(count())')
    expect(parens.error?.code).toBe('PGRST123')
  })

  it('rejects filters on resources that are not embedded (PGRST108)', async () => {
    const { error, status } = await f.anon.from('books').select('id').eq('authors.name', 'x')
    expect(status).toBe(400)
    expect(error?.code).toBe('PGRST108')
  })
})

describe('filters', () => {
  const cases: [
    string,
    (q: ReturnType<Fixture['anon']['from']>) => PromiseLike<{ data: unknown }>,
    number[],
  ][] = [
    ['eq', (q) => q.select('id').eq('title', 'Solaris'), [2]],
    ['neq', (q) => q.select('id').neq('author_id', 1).order('id'), [2, 4]],
    ['gt/lt', (q) => q.select('id').gt('price', 10).lt('price', 100), [1]],
    ['gte/lte', (q) => q.select('id').gte('id', 2).lte('id', 3).order('id'), [2, 3]],
    ['like with *', (q) => q.select('id').like('title', '*The*').order('id'), [1, 3]],
    ['ilike', (q) => q.select('id').ilike('title', '%solaris%'), [2]],
    ['match', (q) => q.select('id').match({ author_id: 2, title: 'Solaris' }), [2]],
    ['regex match', (q) => q.select('id').filter('title', 'match', '^So'), [2]],
    ['imatch', (q) => q.select('id').filter('title', 'imatch', '^so'), [2]],
    ['is null', (q) => q.select('id').is('price', null), [4]],
    ['not.is.null', (q) => q.select('id').not('published', 'is', null).order('id'), [1, 2, 4]],
    [
      'in with quoting',
      (q) => q.select('id').in('title', ['Solaris', 'a,b', "His Master's Voice"]).order('id'),
      [2, 4],
    ],
    ['not.in', (q) => q.select('id').not('id', 'in', '(1,2)').order('id'), [3, 4]],
    ['cs array', (q) => q.select('id').contains('tags', ['classic']).order('id'), [1, 4]],
    ['cd array', (q) => q.select('id').containedBy('tags', ['scifi']).order('id'), [2, 3]],
    ['ov array', (q) => q.select('id').overlaps('tags', ['classic', 'x']).order('id'), [1, 4]],
    ['cs jsonb', (q) => q.select('id').contains('meta', { n: 2 }), [2]],
    ['json path filter', (q) => q.select('id').eq('meta->>n', '4'), [4]],
    ['nested json path', (q) => q.select('id').eq('meta->a->>b', 'deep'), [1]],
    ['fts', (q) => q.select('id').textSearch('search', 'lathe & heaven'), [3]],
    [
      'plfts',
      (q) =>
        q.select('id').textSearch('search', 'master voice', { type: 'plain', config: 'english' }),
      [4],
    ],
    [
      'phfts',
      (q) => q.select('id').textSearch('search', 'lathe of heaven', { type: 'phrase' }),
      [3],
    ],
    [
      'wfts on text column',
      (q) =>
        q
          .select('id')
          .textSearch('title', 'solaris or dispossessed', { type: 'websearch' })
          .order('id'),
      [1, 2],
    ],
    [
      'or with nested and',
      (q) => q.select('id').or('id.eq.4,and(price.gt.10,tags.cs.{classic})').order('id'),
      [1, 4],
    ],
    [
      'or with quoted value and in',
      (q) => q.select('id').or('title.eq."a,b)",id.in.(2,3)').order('id'),
      [2, 3],
    ],
    ['not.or', (q) => q.select('id').not('id', 'eq', 1).or('id.eq.2,id.eq.1'), [2]],
    [
      'any quantifier',
      (q) => q.select('id').filter('title', 'like(any)', '{Sol*,*Voice}').order('id'),
      [2, 4],
    ],
    [
      'all quantifier',
      (q) => q.select('id').filter('title', 'ilike(all)', '{*the*,*heaven*}'),
      [3],
    ],
    [
      'isdistinct',
      (q) => q.select('id').filter('editor_id', 'isdistinct', '1').order('id'),
      [1, 3, 4],
    ],
  ]
  for (const [name, build, expected] of cases) {
    it(name, async () => {
      const { data, error } = (await build(f.anon.from('books'))) as {
        data: unknown
        error: unknown
      }
      expect(error).toBeNull()
      expect(ids(data)).toEqual(expected)
    })
  }

  it('rejects an unknown operator with 400 PGRST100', async () => {
    const { error, status } = await f.anon.from('books').select('id').filter('id', 'between', '1')
    expect(status).toBe(400)
    expect(error?.code).toBe('PGRST100')
    expect(error?.message).toContain('failed to parse filter')
  })

  it('rejects a malformed logic tree and a bad is value', async () => {
    expect((await f.anon.from('books').select('id').or('id.eq.1,(')).error?.code).toBe('PGRST100')
    expect((await f.anon.from('books').select('id').filter('id', 'is', 'maybe')).error?.code).toBe(
      'PGRST100',
    )
  })

  it('gives 400 22P02 for a value of the wrong type', async () => {
    const { error, status } = await f.anon.from('books').select('id').eq('id', 'abc')
    expect(status).toBe(400)
    expect(error?.code).toBe('22P02')
  })
})

describe('order, paging, counts', () => {
  it('orders by several columns with nulls placement', async () => {
    const { data } = await f.anon
      .from('books')
      .select('id')
      .order('price', { ascending: false, nullsFirst: false })
      .order('id')
    expect(ids(data)).toEqual([3, 1, 2, 4])
    const first = await f.anon
      .from('books')
      .select('id')
      .order('price', { ascending: true, nullsFirst: true })
    expect(ids(first.data)).toEqual([4, 2, 1, 3])
  })

  it('takes at most one direction then one nulls option per order term, else 400 PGRST100', async () => {
    // supabase-js appends .asc/.desc (and .nullsfirst/.nullslast) to the column it is given.
    for (const column of ['price.desc', 'price.asc.nullsfirst', 'price.nullsfirst', 'price.up']) {
      const { error, status } = await f.anon
        .from('books')
        .select('id')
        .order(column, { ascending: false })
      expect({ column, status, code: error?.code }).toEqual({
        column,
        status: 400,
        code: 'PGRST100',
      })
    }
    const { data, error } = await f.anon.from('books').select('id').order('id.desc,price', {})
    expect(error).toBeNull()
    expect(ids(data)).toEqual([4, 3, 2, 1])
  })

  it('orders parents by a to-one embed column', async () => {
    const { data, error } = await f.anon
      .from('books')
      .select('id, author:authors!author_id(name)')
      .order('author(name)', { ascending: false })
      .order('id')
    expect(error).toBeNull()
    expect(ids(data)).toEqual([1, 3, 2, 4])
    const toMany = await f.anon.from('authors').select('id, books!author_id(id)').order('books(id)')
    expect(toMany.error?.code).toBe('PGRST118')
  })

  it('orders by a JSON path', async () => {
    const { data } = await f.anon
      .from('books')
      .select('id')
      .not('meta->n', 'is', null)
      .order('meta->n', { ascending: false })
    expect(ids(data)).toEqual([4, 2, 1])
  })

  it('limits and offsets; count=exact gives Content-Range and 206 for a partial page', async () => {
    const { data, count, status } = await f.anon
      .from('books')
      .select('id', { count: 'exact' })
      .order('id')
      .range(1, 2)
    expect(ids(data)).toEqual([2, 3])
    expect(count).toBe(4)
    expect(status).toBe(206)
    const all = await f.anon.from('books').select('id', { count: 'planned' }).order('id')
    expect(all.status).toBe(200)
    expect(all.count).toBe(4)
    const limited = await f.anon.from('books').select('id').order('id').limit(2)
    expect(ids(limited.data)).toEqual([1, 2])
  })

  it('sends the exact Content-Range headers PostgREST sends', async () => {
    let last: Response | undefined
    const client = f.client(SERVICE_ROLE_KEY, { onResponse: (response) => (last = response) })
    const seen = async (query: PromiseLike<unknown>) => {
      await query
      return {
        range: last?.headers.get('content-range'),
        location: last?.headers.get('content-location'),
        applied: last?.headers.get('preference-applied'),
        type: last?.headers.get('content-type'),
      }
    }
    expect(await seen(client.from('books').select('id', { count: 'exact' }).limit(2))).toEqual({
      range: '0-1/4',
      location: '/books?select=id&limit=2',
      applied: 'count=exact',
      type: 'application/json; charset=utf-8',
    })
    expect(
      (await seen(client.from('books').select('id', { count: 'exact' }).eq('id', 999))).range,
    ).toBe('*/0')
    expect((await seen(client.from('books').select('id'))).range).toBe('0-3/*')
    expect((await seen(client.from('books').select('id').eq('id', 999))).range).toBe('*/*')
  })

  it('honours a Range header as PostgREST does', async () => {
    const { data, status, count } = await f.anon
      .from('books')
      .select('id', { count: 'exact' })
      .order('id')
      .setHeader('Range', '1-2')
    expect(ids(data)).toEqual([2, 3])
    expect(status).toBe(206)
    expect(count).toBe(4)
  })

  it('rejects media types it cannot produce with 406 PGRST107', async () => {
    const { status, error } = await f.anon
      .from('books')
      .select('id')
      .setHeader('Accept', 'application/xml')
    expect(status).toBe(406)
    expect(error?.code).toBe('PGRST107')
  })

  it('caps top-level rows at max_rows (1000), as Supabase does', async () => {
    await f.db.exec(`create table public.many as select generate_series(1, 1005) as n`)
    await f.rest.reloadSchema()
    const capped = await f.anon.from('many').select('n', { count: 'exact' }).order('n')
    expect(capped.data).toHaveLength(1000)
    expect(capped.status).toBe(206)
    expect(capped.count).toBe(1005)
    const rest = await f.anon.from('many').select('n').order('n').range(1000, 2000)
    expect(rest.data).toHaveLength(5)
    const small = await f.anon.from('many').select('n').limit(3)
    expect(small.data).toHaveLength(3)
  })

  it('answers HEAD with a count and no body', async () => {
    const { data, count, status } = await f.anon
      .from('books')
      .select('*', { count: 'exact', head: true })
      .gt('id', 1)
    expect(status).toBe(200)
    expect(data).toBeNull()
    expect(count).toBe(3)
  })

  it('gives 416 PGRST103 for an offset past the counted end', async () => {
    const { error, status } = await f.anon
      .from('books')
      .select('id', { count: 'exact' })
      .range(10, 12)
    expect(status).toBe(416)
    expect(error?.code).toBe('PGRST103')
  })

  it('rejects a non-numeric limit', async () => {
    const { error } = await f.anon.from('books').select('id').limit(-1)
    expect(error?.code).toBe('PGRST100')
  })
})

describe('single, maybeSingle, csv, stripNulls', () => {
  it('single() returns the object, or 406 PGRST116 with the row count', async () => {
    expect((await f.anon.from('books').select('id').eq('id', 2).single()).data).toEqual({ id: 2 })
    const many = await f.anon.from('books').select('id').single()
    expect(many.status).toBe(406)
    expect(many.error).toEqual({
      code: 'PGRST116',
      message: 'Cannot coerce the result to a single JSON object',
      details: 'The result contains 4 rows',
      hint: null,
    })
    const none = await f.anon.from('books').select('id').eq('id', 999).single()
    expect(none.error?.details).toBe('The result contains 0 rows')
  })

  it('maybeSingle() gives null for no rows and the row for one', async () => {
    expect((await f.anon.from('books').select('id').eq('id', 999).maybeSingle()).data).toBeNull()
    expect((await f.anon.from('books').select('id').eq('id', 1).maybeSingle()).data).toEqual({
      id: 1,
    })
    expect((await f.anon.from('books').select('id').maybeSingle()).error?.code).toBe('PGRST116')
  })

  it('csv() renders text/csv with quoting', async () => {
    const { data } = await f.anon
      .from('books')
      .select('id,title,price')
      .in('id', [1, 4])
      .order('id')
      .csv()
    expect(data).toBe("id,title,price\n1,The Dispossessed,12.50\n4,His Master's Voice,")
    const quoted = await f.anon
      .from('whoami_dummy' as 'books')
      .select('id')
      .csv()
    expect(quoted.error?.code).toBe('PGRST205')
    const shadowing = await f.anon
      .from('books')
      .select('_v:id,_o:title,_line:price')
      .eq('id', 2)
      .csv()
    expect(shadowing.data).toBe('_v,_o,_line\n2,Solaris,9.99')
  })

  it('stripNulls() omits null fields', async () => {
    const { data } = await f.anon
      .from('books')
      .select('id,price,published')
      .eq('id', 4)
      .stripNulls()
    expect(data).toEqual([{ id: 4, published: '1968-01-01' }])
  })
})
