import type { PGlite } from '@electric-sql/pglite'
import { asUser, attempt, createUser, pinPrice, rolledBack } from './engine.ts'
import { openTestDb } from './pglite-db.ts'

// Migration 20261123123000 moved rules a trade never touches off the trade's path (profile
// name rules to a trigger on those columns, one ledger key instead of three, the cost-basis
// check into the position check); each rule still refuses what it refused.

let db: PGlite

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(async () => {
  await db.close()
})

describe('row rules off the trade path', () => {
  it('refuses a ledger row that names another user or symbol than its order', async () => {
    await rolledBack(db, async (tx) => {
      const buyer = await createUser(tx)
      const other = await createUser(tx)
      await pinPrice(tx, 'AAPL', 100)
      const [order] = await asUser<{ id: string }>(
        tx,
        buyer,
        'select * from public.place_order($1, $2, $3)',
        ['AAPL', 'buy', 1],
      )
      // the order's own fill row is already there and a second one is refused by its unique
      // key, so it goes first: what is left to refuse a row is the foreign key
      await tx.query('delete from public.transactions where order_id = $1', [order.id])
      const insert = (userId: string, symbol: string) =>
        attempt(tx, () =>
          tx.query(
            `insert into public.transactions
               (user_id, order_id, symbol, side, quantity, price, amount, cash_after)
             values ($1, $2, $3, 'buy', 1, 100, 100, 0)`,
            [userId, order.id, symbol],
          ),
        )
      for (const [userId, symbol] of [
        [other, 'AAPL'],
        [buyer, 'MSFT'],
      ]) {
        const result = await insert(userId, symbol)
        expect(result.ok ? null : [result.error.code, result.error.message]).toEqual([
          '23503',
          expect.stringMatching(/transactions_order_id_fkey/),
        ])
      }
      expect((await insert(buyer, 'AAPL')).ok).toBe(true)
    })
  })

  it('still checks profile names and pictures on a new profile and on a rename', async () => {
    await rolledBack(db, async (tx) => {
      const userId = await createUser(tx)
      const cases: [string, unknown[], string][] = [
        ['update public.profiles set display_name = $2 where id = $1', [''], 'display_name_check'],
        [
          'update public.profiles set display_name = $2 where id = $1',
          ['x'.repeat(61)],
          'display_name_check',
        ],
        [
          'update public.profiles set display_name = $2 where id = $1',
          ['\u200b'],
          'display_name_visible_check',
        ],
        [
          'update public.profiles set avatar_url = $2 where id = $1',
          ['x'.repeat(2049)],
          'avatar_url_check',
        ],
        [
          `insert into public.profiles (id, display_name)
           select id, $2 from auth.users where id = $1 on conflict (id) do update set display_name = excluded.display_name`,
          ['\u0001Ada'],
          'display_name_visible_check',
        ],
      ]
      for (const [sql, values, constraint] of cases) {
        const result = await attempt(tx, () => tx.query(sql, [userId, ...values]))
        expect(result.ok ? null : [result.error.code, result.error.message]).toEqual([
          '23514',
          `new row for relation "profiles" violates check constraint "profiles_${constraint}"`,
        ])
      }
      const renamed = await attempt(tx, () =>
        tx.query('update public.profiles set display_name = $2 where id = $1', [userId, 'Ada L.']),
      )
      expect(renamed.ok).toBe(true)
    })
  })

  it('still refuses negative cash and a negative cost basis', async () => {
    await rolledBack(db, async (tx) => {
      const userId = await createUser(tx)
      await pinPrice(tx, 'AAPL', 100)
      await asUser(tx, userId, 'select * from public.place_order($1, $2, $3)', ['AAPL', 'buy', 1])
      const cash = await attempt(tx, () =>
        tx.query('update public.profiles set cash = -1 where id = $1', [userId]),
      )
      expect(cash.ok ? null : cash.error.code).toBe('23514')
      const basis = await attempt(tx, () =>
        tx.query('update public.portfolios set cost_basis = -1 where user_id = $1', [userId]),
      )
      expect(basis.ok ? null : [basis.error.code, basis.error.message]).toEqual([
        '23514',
        expect.stringMatching(/portfolios_row_valid/),
      ])
    })
  })
})
