import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { testTempDir } from '../test-temp-dir.ts'
import { prepareDatabase } from './migrate.ts'
import { openDb } from './open.ts'
import { scratchPostgres } from './test-databases.ts'

describe('--reset on PostgreSQL', () => {
  let scratch: Awaited<ReturnType<typeof scratchPostgres>>
  beforeAll(async () => {
    scratch = await scratchPostgres()
  })
  afterAll(async () => {
    await scratch?.stop()
  })

  it('drops what the stack and migrations own, keeps the rest, and migrates again', async () => {
    const root = testTempDir('reset-test-')
    mkdirSync(join(root, 'migrations'))
    writeFileSync(
      join(root, 'migrations', '20240101000000_stocks.sql'),
      'create table public.stocks (symbol text primary key);',
    )
    writeFileSync(join(root, 'seed.sql'), `insert into public.stocks values ('AAPL');`)
    const paths = { migrationsDir: join(root, 'migrations'), seedFile: join(root, 'seed.sql') }

    const first = await openDb({ databaseUrl: scratch.url })
    await prepareDatabase(first, paths)
    await first.exec(
      `create schema keep_me; create table keep_me.t (id int); insert into auth.users (id) values (gen_random_uuid())`,
    )
    await first.close()

    const reset = await openDb({ databaseUrl: scratch.url, reset: true })
    try {
      const { rows } = await reset.query<Record<string, unknown>>(
        `select to_regclass('public.stocks') as stocks, to_regclass('auth.users') as users,
           to_regclass('supabase_migrations.schema_migrations') as history,
           to_regclass('keep_me.t') as kept,
           exists (select 1 from pg_roles where rolname = 'authenticated') as roles`,
      )
      expect(rows[0]).toEqual({
        stocks: null,
        users: null,
        history: null,
        kept: 'keep_me.t',
        roles: true,
      })

      expect(await prepareDatabase(reset, paths)).toEqual({
        applied: ['20240101000000_stocks.sql'],
        seeded: true,
      })
      const users = await reset.query<{ n: number }>('select count(*)::int as n from auth.users')
      expect(users.rows[0].n).toBe(0)
      const anon = await reset.asRole({ role: 'anon', claims: {} }, (tx) =>
        tx.query('select symbol from public.stocks'),
      )
      expect(anon.rows).toEqual([{ symbol: 'AAPL' }])
    } finally {
      await reset.close()
    }
  })
})
