import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { startPostgresCluster, type PostgresCluster } from '../pg-cluster.ts'
import { testTempDir } from '../test-temp-dir.ts'
import { createPreparedDatabase } from './pg-template.ts'

describe('createPreparedDatabase', () => {
  let cluster: PostgresCluster
  beforeAll(async () => {
    cluster = await startPostgresCluster()
  })
  afterAll(async () => {
    await cluster?.stop()
  })

  async function query(url: string, sql: string) {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      return (await client.query(sql)).rows
    } finally {
      await client.end()
    }
  }

  it('migrates once into a template and hands concurrent callers independent copies', async () => {
    const root = testTempDir('pg-template-test-')
    mkdirSync(join(root, 'migrations'))
    writeFileSync(
      join(root, 'migrations', '20240101000000_stocks.sql'),
      'create table public.stocks (symbol text primary key);',
    )
    writeFileSync(join(root, 'seed.sql'), `insert into public.stocks values ('AAPL');`)
    const options = { migrationsDir: join(root, 'migrations'), seedFile: join(root, 'seed.sql') }

    const copies = await Promise.all(
      [1, 2, 3].map(() => createPreparedDatabase(cluster.url, options)),
    )
    try {
      expect(new Set(copies.map((c) => c.url)).size).toBe(3)
      await query(copies[0].url, `insert into public.stocks values ('MSFT')`)
      expect(await query(copies[0].url, 'select count(*)::int as n from public.stocks')).toEqual([
        { n: 2 },
      ])
      expect(await query(copies[1].url, 'select symbol from public.stocks')).toEqual([
        { symbol: 'AAPL' },
      ])
      const templates = await query(
        cluster.adminUrl,
        `select count(*)::int as n from pg_database where datname like 'stack_tpl_%' and datistemplate`,
      )
      expect(templates).toEqual([{ n: 1 }])
    } finally {
      await Promise.all(copies.map((c) => c.drop()))
    }
  })

  it('drops a template whose migrations fail, so the next caller retries', async () => {
    const root = testTempDir('pg-template-test-')
    mkdirSync(join(root, 'migrations'))
    writeFileSync(join(root, 'migrations', '20240101000000_bad.sql'), 'select * from nope;')
    const options = { migrationsDir: join(root, 'migrations'), seedFile: join(root, 'none.sql') }
    await expect(createPreparedDatabase(cluster.url, options)).rejects.toThrow(
      '20240101000000_bad.sql',
    )
    const left = await query(
      cluster.adminUrl,
      `select count(*)::int as n from pg_database where datname like 'stack_tpl_%' and not datistemplate`,
    )
    expect(left).toEqual([{ n: 0 }])
  })
})
