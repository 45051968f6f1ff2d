import type { PGlite, Transaction } from '@electric-sql/pglite'
import fc from 'fast-check'
import { asUser, attempt, createUser, rolledBack, tick } from './engine.ts'
import { LEDGER_VIOLATIONS as VIOLATIONS } from './ledger-invariants.ts'
import { openTestDb } from './pglite-db.ts'

// A thousand random order sequences (two users racing over three symbols, with price moves,
// ticks, cancels, resets, idempotent retries and invalid input), each in its own rolled-back
// transaction on one PGlite; the ledger invariants of SPEC §3 must hold throughout.

const SYMBOLS = ['AAPL', 'TSLA', 'KO'] as const
const START_PRICES = [100, 20, 50]
const REASONS = new Set([
  'insufficient_funds',
  'insufficient_shares',
  'unknown_symbol',
  'invalid_quantity',
  'invalid_price',
  'invalid_order_type',
  'invalid_side',
  'order_not_open',
  // the sequences reuse a few keys for orders that differ
  'client_order_id_reused',
])
const KEYS = [
  '00000000-0000-4000-8000-000000000001',
  '00000000-0000-4000-8000-000000000002',
  '00000000-0000-4000-8000-000000000003',
]

const user = fc.integer({ min: 0, max: 1 })
const symbol = fc.integer({ min: 0, max: 2 })
const factor = fc.double({ min: 0.7, max: 1.3, noNaN: true })

const place = fc.record({
  kind: fc.constant('place' as const),
  user,
  symbol: fc.oneof(
    { weight: 20, arbitrary: symbol.map((i) => SYMBOLS[i] as string) },
    { weight: 1, arbitrary: fc.constant('NOPE') },
  ),
  side: fc.oneof(
    { weight: 20, arbitrary: fc.constantFrom('buy', 'sell') },
    { weight: 1, arbitrary: fc.constant('hold') },
  ),
  type: fc.oneof(
    { weight: 20, arbitrary: fc.constantFrom('market', 'limit', 'stop', 'stop_limit') },
    { weight: 1, arbitrary: fc.constant('trailing') },
  ),
  quantity: fc.oneof(
    { weight: 8, arbitrary: fc.double({ min: 0.000001, max: 60, noNaN: true }) },
    { weight: 2, arbitrary: fc.double({ min: 60, max: 1500, noNaN: true }) },
    { weight: 3, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom(0, -1) },
  ),
  notional: fc.double({ min: 0.5, max: 60000, noNaN: true }),
  limitFactor: factor,
  stopFactor: factor,
  tif: fc.oneof(
    { weight: 20, arbitrary: fc.constantFrom('day', 'gtc') },
    { weight: 1, arbitrary: fc.constant('ioc') },
  ),
  key: fc.option(fc.constantFrom(...KEYS), { freq: 2 }),
})
const op = fc.oneof(
  { weight: 8, arbitrary: place },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('cancel' as const), user, index: fc.nat(20) }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('move' as const), symbol, factor }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('tick' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reset' as const), user }) },
)
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never

async function runSequence(db: PGlite, ops: Op[]): Promise<void> {
  await rolledBack(db, async (tx) => {
    const users = [await createUser(tx), await createUser(tx)]
    const prices = [...START_PRICES]
    const t0 = Date.parse('2031-01-06T12:00:00Z')
    let clock = 0
    await tx.query(
      `update public.market_state set speed = 0, trading_day = '2031-01-06', last_tick_at = $1`,
      [new Date(t0).toISOString()],
    )
    for (const [i, s] of SYMBOLS.entries())
      await tx.query('select public.set_stock_price($1, $2)', [s, prices[i]])
    const keyed = new Map<string, string>()

    for (const [index, step] of ops.entries()) {
      if (step.kind === 'place') {
        const price = prices[SYMBOLS.indexOf(step.symbol as (typeof SYMBOLS)[number])] ?? 100
        const quantity = step.quantity === null ? null : Number(step.quantity.toFixed(9))
        const notional = step.quantity === null ? Number(step.notional.toFixed(4)) : null
        const needsLimit = step.type === 'limit' || step.type === 'stop_limit'
        const needsStop = step.type === 'stop' || step.type === 'stop_limit'
        const result = await attempt(tx, () =>
          asUser<{ id: string; status: string }>(
            tx,
            users[step.user],
            'select id, status from public.place_order($1, $2, $3, $4, $5, $6, $7, $8, $9)',
            [
              step.symbol,
              step.side,
              quantity,
              step.type,
              needsLimit ? Number((price * step.limitFactor).toFixed(4)) : null,
              needsStop ? Number((price * step.stopFactor).toFixed(4)) : null,
              step.tif,
              step.key,
              notional,
            ],
          ),
        )
        expectRejectionOrSuccess(result)
        if (result.ok && step.key) {
          const mapKey = `${step.user}:${step.key}`
          const known = keyed.get(mapKey)
          if (known) expect(result.value[0].id).toBe(known)
          else keyed.set(mapKey, result.value[0].id)
        }
      } else if (step.kind === 'cancel') {
        const { rows } = await tx.query<{ id: string }>(
          'select id from public.orders where user_id = $1 order by id offset $2 limit 1',
          [users[step.user], step.index],
        )
        const id = rows[0]?.id ?? '00000000-0000-4000-8000-00000000dead'
        expectRejectionOrSuccess(
          await attempt(tx, () =>
            asUser(tx, users[step.user], 'select * from public.cancel_order($1)', [id]),
          ),
        )
      } else if (step.kind === 'move') {
        prices[step.symbol] = Math.max(0.5, Number((prices[step.symbol] * step.factor).toFixed(4)))
        await tx.query('select public.set_stock_price($1, $2)', [
          SYMBOLS[step.symbol],
          prices[step.symbol],
        ])
      } else if (step.kind === 'tick') {
        clock += 1
        await tick(tx, new Date(t0 + clock * 1000))
      } else {
        await asUser(tx, users[step.user], 'select * from public.reset_portfolio()')
        for (const key of KEYS) keyed.delete(`${step.user}:${key}`)
      }
      // every 4th step and the last: a violation persists, and checking costs more than a step
      if (index % 4 === 3 || index === ops.length - 1) await expectInvariants(tx, users)
    }
  })
}

function expectRejectionOrSuccess(result: Awaited<ReturnType<typeof attempt>>): void {
  if (result.ok) return
  expect({ code: result.error.code, reasonKnown: REASONS.has(result.error.hint ?? '') }).toEqual({
    code: 'P0001',
    reasonKnown: true,
  })
}

async function expectInvariants(tx: Transaction, users: string[]): Promise<void> {
  const { rows } = await tx.query<{ rule: string; subject: string }>(VIOLATIONS, [users])
  expect(rows).toEqual([])
}

let db: PGlite

beforeAll(async () => {
  db = await openTestDb()
  // only the traded symbols, without history: ticks then cost what the sequences do
  await db.query('delete from public.price_candles')
  await db.query('delete from public.stocks where symbol <> all ($1)', [[...SYMBOLS]])
})
afterAll(async () => {
  await db.close()
})

describe('ledger invariants under random order sequences', () => {
  it('hold throughout 1,000 random sequences of 20 operations (PROPERTY_RUNS to change)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 20, maxLength: 20 }), (ops) =>
        runSequence(db, ops),
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 1000) },
    )
  }, 600_000)

  it('detect a broken ledger (the checker is not vacuous)', async () => {
    await rolledBack(db, async (tx) => {
      const id = await createUser(tx)
      await asUser(tx, id, `select public.place_order('AAPL', 'buy', 3)`)
      await tx.query('update public.profiles set cash = cash + 1 where id = $1', [id])
      const { rows } = await tx.query<{ rule: string }>(VIOLATIONS, [[id]])
      expect(rows.map((row) => row.rule)).toEqual([
        'cash = starting cash - buys + sells - fees (current run)',
      ])
    })
  })
})
