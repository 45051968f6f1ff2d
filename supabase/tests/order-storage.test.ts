import type { PGlite, Transaction } from '@electric-sql/pglite'
import { asUser, attempt, createUser, pinPrice, rolledBack } from './engine.ts'
import { openTestDb } from './pglite-db.ts'

// How the engine's tables are stored for speed (migration 20261122140000) without changing
// what they mean: trades update positions and profiles in place (HOT), updated_at is still
// touched on every change, client_order_id is still unique per user.

let db: PGlite

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(async () => {
  await db.close()
})

async function placeAs(tx: Transaction, userId: string, side: string, quantity: number) {
  const [order] = await asUser<{ id: string }>(
    tx,
    userId,
    'select * from public.place_order($1, $2, $3)',
    ['AAPL', side, quantity],
  )
  return order
}

describe('order storage', () => {
  it('indexes no column a trade changes, so position and cash updates can be HOT', async () => {
    const { rows } = await db.query<{ tablename: string; indexdef: string }>(
      `select tablename, indexdef from pg_indexes
       where schemaname = 'public' and tablename in ('portfolios', 'profiles')`,
    )
    expect(rows.map((row) => row.tablename)).toContain('portfolios')
    const traded =
      /\b(quantity|held_quantity|average_cost|realized_pnl|cash|held_cash|buying_power|updated_at)\b/
    for (const row of rows)
      expect({ ...row, traded: traded.test(row.indexdef) }).toEqual({ ...row, traded: false })
    const { rows: open } = await db.query<{ indexdef: string }>(
      `select indexdef from pg_indexes where indexname = 'portfolios_open_positions_idx'`,
    )
    expect(open[0].indexdef).toMatch(/WHERE is_open$/)
  })

  it('keeps is_open equal to quantity > 0 through a buy, a partial and a full sell', async () => {
    await rolledBack(db, async (tx) => {
      const userId = await createUser(tx)
      await pinPrice(tx, 'AAPL', 100)
      const isOpen = async () =>
        (
          await tx.query<{ quantity: string; is_open: boolean }>(
            `select quantity, is_open from public.portfolios where user_id = $1 and symbol = 'AAPL'`,
            [userId],
          )
        ).rows
      await placeAs(tx, userId, 'buy', 2)
      expect(await isOpen()).toEqual([{ quantity: '2.000000', is_open: true }])
      await placeAs(tx, userId, 'sell', 1.5)
      expect(await isOpen()).toEqual([{ quantity: '0.500000', is_open: true }])
      await placeAs(tx, userId, 'sell', 0.5)
      expect(await isOpen()).toEqual([{ quantity: '0.000000', is_open: false }])
      const { rows } = await tx.query<{ mismatched: number }>(
        `select count(*)::int as mismatched from public.portfolios where is_open <> (quantity > 0)`,
      )
      expect(rows[0].mismatched).toBe(0)
    })
  })

  it('touches updated_at on every change of a profile or a position, by anyone', async () => {
    await rolledBack(db, async (tx) => {
      const userId = await createUser(tx)
      await pinPrice(tx, 'AAPL', 100)
      await placeAs(tx, userId, 'buy', 1)
      const backdate = async () => {
        await tx.query(`set local session_replication_role = replica`)
        await tx.query(`update public.profiles set updated_at = '2000-01-01' where id = $1`, [
          userId,
        ])
        await tx.query(
          `update public.portfolios set updated_at = '2000-01-01' where user_id = $1`,
          [userId],
        )
        await tx.query(`set local session_replication_role = origin`)
      }
      const touched = async () =>
        (
          await tx.query<{ profile: boolean; position: boolean }>(
            `select p.updated_at = now() as profile, pf.updated_at = now() as position
             from public.profiles p join public.portfolios pf on pf.user_id = p.id
             where p.id = $1 and pf.symbol = 'AAPL'`,
            [userId],
          )
        ).rows[0]

      await backdate()
      await placeAs(tx, userId, 'buy', 1)
      expect(await touched()).toEqual({ profile: true, position: true })

      await backdate()
      await placeAs(tx, userId, 'sell', 1)
      expect(await touched()).toEqual({ profile: true, position: true })

      await backdate()
      await asUser(tx, userId, `update public.profiles set display_name = 'Renamed'`)
      expect(await touched()).toEqual({ profile: true, position: false })

      await backdate()
      await tx.query(
        `update public.portfolios set realized_pnl = realized_pnl where user_id = $1`,
        [userId],
      )
      expect(await touched()).toEqual({ profile: false, position: true })
    })
  })

  it('keeps client_order_id unique per user, while orders without one never conflict', async () => {
    await rolledBack(db, async (tx) => {
      const userId = await createUser(tx)
      const insert = (clientOrderId: string | null) =>
        tx.query(
          `insert into public.orders (user_id, client_order_id, symbol, side, type, quantity, status,
             filled_price, filled_at)
           values ($1, $2, 'AAPL', 'buy', 'market', 1, 'filled', 100, now())`,
          [userId, clientOrderId],
        )
      await insert(null)
      await insert(null)
      const clientOrderId = '6f1c1f0e-8d1b-4a53-9a8e-0b7f6c1d2e3f'
      await insert(clientOrderId)
      const duplicate = await attempt(tx, () => insert(clientOrderId))
      expect(duplicate.ok ? null : duplicate.error.code).toBe('23505')
      const otherUser = await createUser(tx)
      await tx.query(
        `insert into public.orders (user_id, client_order_id, symbol, side, type, quantity, status,
           filled_price, filled_at)
         values ($1, $2, 'AAPL', 'buy', 'market', 1, 'filled', 100, now())`,
        [otherUser, clientOrderId],
      )
    })
  })
})
