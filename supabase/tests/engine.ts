import type { PGlite, Transaction } from '@electric-sql/pglite'

type Queryable = PGlite | Transaction

/** Creates an auth user (the profile trigger does the rest) and returns its id. */
export async function createUser(
  db: Queryable,
  meta: Record<string, unknown> = {},
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into auth.users (id, email, raw_user_meta_data)
     values (gen_random_uuid(), 'u-' || gen_random_uuid() || '@example.test', $1) returning id`,
    [JSON.stringify(meta)],
  )
  return rows[0].id
}

/**
 * Runs `sql` as PostgREST would for a signed-in user: role `authenticated` and the JWT claims
 * set for the current transaction only, then back to the superuser.
 */
export async function asUser<Row = Record<string, unknown>>(
  tx: Transaction,
  userId: string | null,
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  const role = userId ? 'authenticated' : 'anon'
  await tx.query(
    `select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`,
    [role, JSON.stringify(userId ? { sub: userId, role } : { role })],
  )
  // on error the transaction (or savepoint) is aborted and rolls back the settings anyway
  const { rows } = await tx.query<Row>(sql, params)
  await tx.query(
    `select set_config('role', 'none', true), set_config('request.jwt.claims', '', true)`,
  )
  return rows
}

/** Runs `fn` in a transaction that is always rolled back, so tests share one seeded database. */
export async function rolledBack(
  db: PGlite,
  fn: (tx: Transaction) => Promise<void>,
): Promise<void> {
  await db
    .transaction(async (tx) => {
      await fn(tx)
      throw new RolledBack()
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error
    })
}

class RolledBack extends Error {}

/** Runs `fn` inside a savepoint; a Postgres error rolls back to it and is returned, not thrown. */
export async function attempt<T>(
  tx: Transaction,
  fn: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: PgError }> {
  await tx.query('savepoint attempt')
  try {
    const value = await fn()
    await tx.query('release savepoint attempt')
    return { ok: true, value }
  } catch (error) {
    await tx.query('rollback to savepoint attempt')
    return { ok: false, error: error as PgError }
  }
}

export interface PgError {
  code?: string
  message: string
  hint?: string
}

/** Freezes simulated time (speed 0) and pins a stock's price, so the next tick is exact. */
export async function pinPrice(tx: Queryable, symbol: string, price: number): Promise<void> {
  await tx.query('update public.market_state set speed = 0')
  await tx.query('select public.set_stock_price($1, $2)', [symbol, price])
}

export async function tick(tx: Queryable, at?: Date): Promise<Record<string, number>> {
  const { rows } = await tx.query<{ summary: Record<string, number> }>(
    'select public.market_tick(coalesce($1::timestamptz, now())) as summary',
    [at?.toISOString() ?? null],
  )
  return rows[0].summary
}
