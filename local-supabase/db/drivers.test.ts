import { withTempDir } from '../test-temp-dir.ts'
import { prepareDatabase } from './migrate.ts'
import { openDb } from './open.ts'
import { scratchPostgres } from './test-databases.ts'
import type { Db, PgErrorFields, RequestContext } from './types.ts'

const USER_A = '11111111-1111-4111-8111-111111111111'
const USER_B = '22222222-2222-4222-8222-222222222222'
const asUser = (sub: string): RequestContext => ({
  role: 'authenticated',
  claims: { sub, role: 'authenticated' },
  method: 'GET',
  path: '/rest/v1/notes',
  headers: { 'x-test': 'yes' },
})

const SCHEMA = `
create table public.notes (id serial primary key, owner uuid not null, body text not null);
alter table public.notes enable row level security;
create policy "Users can read their own notes" on public.notes
  for select to authenticated using ((select auth.uid()) = owner);
insert into public.notes (owner, body) values ('${USER_A}', 'a'), ('${USER_B}', 'b');
`

async function caught(promise: Promise<unknown>): Promise<PgErrorFields> {
  try {
    await promise
  } catch (error) {
    return error as PgErrorFields
  }
  throw new Error('expected a rejection')
}

describe.each([
  ['pglite', async () => ({ db: await openDb({ dataDir: null }), stop: async () => {} })],
  [
    'postgres',
    async () => {
      const scratch = await scratchPostgres()
      return { db: await openDb({ databaseUrl: scratch.url }), stop: scratch.stop }
    },
  ],
] as const)('%s driver', (kind, open) => {
  let db: Db
  let stop: () => Promise<void>

  beforeAll(async () => {
    ;({ db, stop } = await open())
    await withTempDir('no-migrations-', (migrationsDir) =>
      prepareDatabase(db, { migrationsDir, seedFile: '/nonexistent.sql' }),
    )
    await db.exec(SCHEMA)
  })
  afterAll(async () => {
    await db?.close()
    await stop?.()
  })

  it('reports its kind', () => {
    expect(db.kind).toBe(kind)
  })

  it('switches role and sets claims, method, path and headers for one transaction', async () => {
    const row = await db.asRole(asUser(USER_A), async (tx) => {
      const { rows } = await tx.query<Record<string, string>>(
        `select current_user as role, auth.uid()::text as uid, auth.role() as claim_role,
           current_setting('request.method') as method, current_setting('request.path') as path,
           current_setting('request.headers')::jsonb ->> 'x-test' as header`,
      )
      return rows[0]
    })
    expect(row).toEqual({
      role: 'authenticated',
      uid: USER_A,
      claim_role: 'authenticated',
      method: 'GET',
      path: '/rest/v1/notes',
      header: 'yes',
    })
    const after = await db.query<{ role: string; uid: string | null }>(
      'select current_user as role, auth.uid()::text as uid',
    )
    expect(after.rows[0].role).not.toBe('authenticated')
    expect(after.rows[0].uid).toBeNull()
  })

  it('lets Postgres row-level security decide what a user sees', async () => {
    const bodies = await db.asRole(asUser(USER_B), async (tx) => {
      const { rows } = await tx.query<{ body: string }>('select body from public.notes order by id')
      return rows.map((r) => r.body)
    })
    expect(bodies).toEqual(['b'])
    // Bootstrap's default grants give anon SELECT; with no policy for anon, RLS hides every row.
    const anon = await db.asRole({ role: 'anon', claims: {} }, (tx) =>
      tx.query('select body from public.notes'),
    )
    expect(anon.rows).toEqual([])
  })

  it('rolls back everything when the callback throws', async () => {
    const before = await db.query<{ n: number }>('select count(*)::int as n from public.notes')
    await expect(
      db.asRole({ role: 'service_role', claims: { role: 'service_role' } }, async (tx) => {
        await tx.query('insert into public.notes (owner, body) values ($1, $2)', [USER_A, 'x'])
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into public.notes (owner, body) values ($1, $2)', [USER_A, 'y'])
        await tx.query('select 1/0')
      }),
    ).rejects.toMatchObject({ code: '22012' })
    const after = await db.query<{ n: number }>('select count(*)::int as n from public.notes')
    expect(after.rows[0].n).toBe(before.rows[0].n)
  })

  it('rejects writes in a read-only transaction with SQLSTATE 25006', async () => {
    const error = await caught(
      db.asRole(
        { role: 'service_role', claims: {} },
        (tx) => tx.query('insert into public.notes (owner, body) values ($1, $2)', [USER_A, 'z']),
        { readOnly: true },
      ),
    )
    expect(error.code).toBe('25006')
    const reads = await db.asRole(
      { role: 'service_role', claims: {} },
      (tx) => tx.query('select 1 as one'),
      { readOnly: true },
    )
    expect(reads.rows).toEqual([{ one: 1 }])
  })

  it('keeps code, message, detail and hint of Postgres errors', async () => {
    const raise = `do $$ begin raise exception 'Not enough cash'
      using errcode = 'P0001', detail = 'needs 10', hint = 'insufficient_funds'; end $$`
    for (const error of [
      await caught(db.query(raise)),
      await caught(db.asRole(asUser(USER_A), (tx) => tx.query(raise))),
    ]) {
      expect(error).toMatchObject({
        code: 'P0001',
        message: 'Not enough cash',
        detail: 'needs 10',
        hint: 'insufficient_funds',
      })
    }
    const unique = await caught(
      db.query('insert into public.notes (id, owner, body) values (1, $1, $2)', [USER_A, 'dup']),
    )
    expect(unique.code).toBe('23505')
    expect(unique.detail).toContain('(id)=(1)')
  })

  it('delivers notifications only after the sending transaction commits', async () => {
    const received: string[] = []
    const unlisten = await db.listen('driver_test', (payload) => received.push(payload))
    await db.transaction(async (tx) => {
      await tx.query(`select pg_notify('driver_test', 'committed')`)
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(received).toEqual([])
    })
    await db
      .transaction(async (tx) => {
        await tx.query(`select pg_notify('driver_test', 'rolled back')`)
        await tx.query('select 1/0')
      })
      .catch(() => {})
    await expect.poll(() => received, { timeout: 2000 }).toEqual(['committed'])
    await unlisten()
    await db.query(`select pg_notify('driver_test', 'after unlisten')`)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(received).toEqual(['committed'])
  })

  it.runIf(kind === 'postgres')('listens again after its connection is terminated', async () => {
    const received: string[] = []
    const unlisten = await db.listen('driver_reconnect', (payload) => received.push(payload))
    const { rows } = await db.query<{ killed: boolean }>(
      `select pg_terminate_backend(pid) as killed from pg_stat_activity
       where datname = current_database() and query ilike 'listen%'`,
    )
    expect(rows).toEqual([{ killed: true }])
    // Notifications sent while the listener is down are lost; keep sending until one arrives.
    await expect
      .poll(
        async () => {
          await db.query(`select pg_notify('driver_reconnect', 'back')`)
          return received
        },
        { timeout: 10_000, interval: 200 },
      )
      .toContain('back')
    await unlisten()
  })

  it('reads numbers and dates the same way on both drivers', async () => {
    const { rows } = await db.query(
      `select 42::int8 as big, 1.5::numeric as num, '2024-01-02'::date as day, '{"a":1}'::jsonb as doc`,
    )
    expect(rows[0]).toEqual({
      big: 42,
      num: '1.5',
      day: new Date('2024-01-02T00:00:00Z'),
      doc: { a: 1 },
    })
  })
})
