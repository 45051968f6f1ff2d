import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { testTempDir } from '../test-temp-dir.ts'
import { MigrationError, prepareDatabase } from './migrate.ts'
import { openDb } from './open.ts'
import type { Db } from './types.ts'

function project(files: Record<string, string>) {
  const root = testTempDir('migrate-test-')
  const migrationsDir = join(root, 'migrations')
  const seedFile = join(root, 'seed.sql')
  mkdirSync(migrationsDir)
  for (const [name, sql] of Object.entries(files)) {
    writeFileSync(name === 'seed.sql' ? seedFile : join(migrationsDir, name), sql)
  }
  return { root, migrationsDir, seedFile }
}

const FIRST = `-- what and why
create table public.stocks (symbol text primary key, price numeric not null);
`
const SECOND = `alter table public.stocks add column name text;
create view public.stock_names as select symbol, name from public.stocks;
`
const SEED = `insert into public.stocks (symbol, price, name) values ('AAPL', 190, 'Apple');\n`

describe('prepareDatabase', () => {
  let db: Db
  beforeEach(async () => {
    db = await openDb({ dataDir: null })
  })
  afterEach(async () => {
    await db.close()
  })

  it('applies migrations in filename order, records them and seeds once', async () => {
    const p = project({
      '20240102000000_add_name.sql': SECOND,
      '20240101000000_create_stocks.sql': FIRST,
      'seed.sql': SEED,
      'README.md': 'not a migration',
    })
    const first = await prepareDatabase(db, p)
    expect(first).toEqual({
      applied: ['20240101000000_create_stocks.sql', '20240102000000_add_name.sql'],
      seeded: true,
    })
    const history = await db.query(
      'select version, name, statements from supabase_migrations.schema_migrations order by version',
    )
    expect(history.rows).toEqual([
      { version: '20240101000000', name: 'create_stocks', statements: [FIRST] },
      { version: '20240102000000', name: 'add_name', statements: [SECOND] },
    ])

    const again = await prepareDatabase(db, p)
    expect(again).toEqual({ applied: [], seeded: false })
    const rows = await db.query('select symbol, name from public.stock_names')
    expect(rows.rows).toEqual([{ symbol: 'AAPL', name: 'Apple' }])
  })

  it('gives objects created by migrations the default grants of the API roles', async () => {
    await prepareDatabase(db, project({ '20240101000000_create_stocks.sql': FIRST }))
    const { rows } = await db.asRole({ role: 'anon', claims: {} }, (tx) =>
      tx.query('select count(*)::int as n from public.stocks'),
    )
    expect(rows).toEqual([{ n: 0 }])
  })

  it('stops at a failing migration, naming the file and line, and keeps earlier ones', async () => {
    const broken = `create table public.a (id int);\n\ninsert into public.a select id from public.nope;\n`
    const p = project({
      '20240101000000_create_stocks.sql': FIRST,
      '20240103000000_broken.sql': broken,
      '20240104000000_later.sql': 'create table public.later (id int);',
    })
    const error = await prepareDatabase(db, p).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MigrationError)
    const failure = error as MigrationError
    expect(failure.message).toContain('20240103000000_broken.sql')
    expect(failure.message).toContain('relation "public.nope" does not exist')
    expect(failure.message).toContain('(line 3)')
    expect(failure).toMatchObject({ code: '42P01', line: 3 })

    const history = await db.query<{ version: string }>(
      'select version from supabase_migrations.schema_migrations',
    )
    expect(history.rows.map((r) => r.version)).toEqual(['20240101000000'])
    const tables = await db.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
    )
    expect(tables.rows.map((r) => r.name)).toEqual(['stocks'])
  })

  it('carries the hint and detail of a failing migration', async () => {
    const p = project({
      '20240101000000_raise.sql': `do $$ begin raise exception 'bad' using detail = 'why', hint = 'fix it'; end $$;`,
    })
    const error = (await prepareDatabase(db, p).catch((e: unknown) => e)) as MigrationError
    expect(error.message).toMatch(
      /20240101000000_raise\.sql.*bad[\s\S]*DETAIL: why[\s\S]*HINT: fix it/,
    )
  })

  it('resumes across restarts of a persisted PGlite database', async () => {
    const p = project({
      '20240101000000_create_stocks.sql': FIRST,
      'seed.sql': `insert into public.stocks values ('AAPL', 190);`,
    })
    const dataDir = join(p.root, 'data')
    const persisted = await openDb({ dataDir })
    try {
      expect((await prepareDatabase(persisted, p)).applied).toHaveLength(1)
      await expect(openDb({ dataDir })).rejects.toThrow(`The database in ${dataDir} is in use`)
    } finally {
      await persisted.close()
    }

    writeFileSync(join(p.migrationsDir, '20240102000000_add_name.sql'), SECOND)
    const reopened = await openDb({ dataDir })
    try {
      expect(await prepareDatabase(reopened, p)).toEqual({
        applied: ['20240102000000_add_name.sql'],
        seeded: false,
      })
      const { rows } = await reopened.query('select symbol from public.stocks')
      expect(rows).toEqual([{ symbol: 'AAPL' }])
    } finally {
      await reopened.close()
    }
    const reset = await openDb({ dataDir, reset: true })
    try {
      const { rows } = await reset.query(`select to_regclass('public.stocks') as t`)
      expect(rows).toEqual([{ t: null }])
    } finally {
      await reset.close()
    }
  })
})
