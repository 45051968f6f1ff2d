import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { suiteTempDir } from '../local-supabase/test-temp-dir.ts'
import { startLocalStack, type LocalStack } from '../local-supabase/testing.ts'

// pg_dump/psql need a real PostgreSQL: this runs in `.ci/run`'s PostgreSQL 15 pass.
describe.runIf(process.env.DATABASE_URL)('backup and restore (pg_dump / psql)', () => {
  const dir = suiteTempDir('stocktrade-backup-')
  let stack: LocalStack
  let databaseUrl: string
  let backupFile: string

  const script = (name: string, ...args: string[]) =>
    execFileSync('bash', [`scripts/${name}`, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })

  async function snapshot() {
    const tables = ['profiles', 'portfolios', 'orders', 'transactions', 'wishlists']
    const result: Record<string, unknown> = {}
    for (const table of tables) {
      const { rows } = await stack.db.query(
        `select coalesce(jsonb_agg(to_jsonb(t) order by to_jsonb(t)::text), '[]') as rows from public.${table} t`,
      )
      result[table] = rows[0].rows
    }
    const { rows } = await stack.db.query(
      'select id, email, encrypted_password from auth.users order by id',
    )
    result.users = rows
    return result
  }

  beforeAll(async () => {
    backupFile = join(dir(), 'backup.sql')
    stack = await startLocalStack()
    if (!stack.databaseUrl) throw new Error('expected a PostgreSQL-backed stack')
    databaseUrl = stack.databaseUrl
  })
  afterAll(async () => {
    await stack?.stop()
  })

  it('round-trips every user row, and a restored user can sign in again', async () => {
    const email = 'backup-trader@example.test'
    const password = 'correct-horse-battery-staple'
    const { client } = await stack.signUp({ email, password })
    const buy = await client.rpc('place_order', { p_symbol: 'AAPL', p_side: 'buy', p_quantity: 3 })
    expect(buy.error).toBeNull()
    const watch = await client.from('wishlists').insert({ symbol: 'MSFT', alert_above: 9999 })
    expect(watch.error).toBeNull()
    const before = await snapshot()

    script('db-backup.sh', backupFile)
    expect(readFileSync(backupFile, 'utf8')).toMatch(/^-- stocktrade backup; schema version \d{14}/)

    // Changes after the backup: another trade, another user.
    expect(
      (await client.rpc('place_order', { p_symbol: 'AAPL', p_side: 'sell', p_quantity: 1 })).error,
    ).toBeNull()
    await stack.signUp()
    expect(await snapshot()).not.toEqual(before)

    script('db-restore.sh', backupFile)
    expect(await snapshot()).toEqual(before)

    const again = stack.client()
    const signIn = await again.auth.signInWithPassword({ email, password })
    expect(signIn.error).toBeNull()
    const { data: positions } = await again.from('portfolios').select('symbol, quantity')
    expect(positions).toEqual([{ symbol: 'AAPL', quantity: 3 }])
  })

  it('refuses a backup taken at another schema version and changes nothing', async () => {
    const before = await snapshot()
    const stale = join(dir(), 'stale.sql')
    writeFileSync(
      stale,
      readFileSync(backupFile, 'utf8').replace(
        /schema version \d+/,
        'schema version 19990101000000',
      ),
    )
    expect(() => script('db-restore.sh', stale)).toThrow(/schema version '19990101000000'/)
    expect(await snapshot()).toEqual(before)
  })
})
