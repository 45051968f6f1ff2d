import { LEDGER_VIOLATIONS } from './ledger-invariants.ts'
import { openTradingStack, place, type TradingStack } from './stack-helpers.ts'

// 200 concurrent orders from one user racing for the same cash and shares through the REST
// API, with market ticks and cancels in the storm. Needs a real PostgreSQL (DATABASE_URL, as
// in .ci/run): PGlite has a single connection, so nothing would actually run concurrently.

const REQUESTS = 200

describe.skipIf(!process.env.DATABASE_URL)(
  'place_order under real concurrency (PostgreSQL)',
  () => {
    let t: TradingStack

    beforeAll(async () => {
      t = await openTradingStack()
    })
    afterAll(async () => {
      await t?.stop()
    })

    it('never overdraws, oversells or double-fills, and never answers 5xx', async () => {
      const { client, id } = await t.signUp()
      await t.setPrice('AAPL', 1000)
      await t.setPrice('KO', 50)
      await place(client, { p_symbol: 'KO', p_side: 'buy', p_quantity: 100 })
      const retryKey = crypto.randomUUID()

      const calls = Array.from({ length: REQUESTS }, (_, i) => {
        switch (i % 8) {
          case 0:
          case 1: // each buy costs 3000: only ~31 of the 50 fit in the remaining 95000
            return client.rpc('place_order', { p_symbol: 'AAPL', p_side: 'buy', p_quantity: 3 })
          case 2: // 25 sells of 7 shares race for 100 shares: at most 14 can fill
            return client.rpc('place_order', { p_symbol: 'KO', p_side: 'sell', p_quantity: 7 })
          case 3: // resting sells hold shares the market sells also want
            return client.rpc('place_order', {
              p_symbol: 'KO',
              p_side: 'sell',
              p_quantity: 5,
              p_type: 'limit',
              p_limit_price: 80,
            })
          case 4: // resting buys hold cash the market buys also want
            return client.rpc('place_order', {
              p_symbol: 'AAPL',
              p_side: 'buy',
              p_quantity: 2,
              p_type: 'limit',
              p_limit_price: 990,
            })
          case 5: // the same retried submit: exactly one order
            return client.rpc('place_order', {
              p_symbol: 'KO',
              p_side: 'buy',
              p_quantity: 1,
              p_client_order_id: retryKey,
            })
          case 6:
            return t.service.rpc('market_tick', {})
          default:
            return client
              .from('orders')
              .select('id')
              .eq('status', 'pending')
              .limit(1)
              .then(({ data }) =>
                client.rpc('cancel_order', { p_order_id: data?.[0]?.id ?? crypto.randomUUID() }),
              )
        }
      })
      const results = await Promise.all(calls)

      const statuses = results.map((result) => result.status)
      expect(statuses.filter((status) => status >= 500)).toEqual([])
      for (const result of results) {
        if (result.error) {
          expect(result.error.code).toBe('P0001')
          expect(['insufficient_funds', 'insufficient_shares', 'order_not_open']).toContain(
            result.error.hint,
          )
        }
      }

      const { rows } = await t.stack.db.query(LEDGER_VIOLATIONS, [[id]])
      expect(rows).toEqual([])
      const { rows: totals } = await t.stack.db.query<{
        keyed: number
        cash: string
        held: string
      }>(
        `select (select count(*)::int from public.orders where user_id = $1 and client_order_id = $2) as keyed,
         (select cash from public.profiles where id = $1) as cash,
         (select held_cash from public.profiles where id = $1) as held`,
        [id, retryKey],
      )
      expect(totals[0].keyed).toBe(1)
      expect(Number(totals[0].cash)).toBeGreaterThanOrEqual(0)
      expect(Number(totals[0].cash)).toBeGreaterThanOrEqual(Number(totals[0].held))
      const filledBuys = results.filter((result, i) => i % 8 < 2 && !result.error).length
      expect(filledBuys).toBeGreaterThan(0)
      expect(filledBuys).toBeLessThan(REQUESTS / 4)
    })
  },
)
