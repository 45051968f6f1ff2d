import { createClient } from '@supabase/supabase-js'
import WebSocket from 'ws'
import { JWT_SECRET } from '../../local-supabase/config.ts'
import { signJwt } from '../../local-supabase/jwt.ts'
import type { Database } from '../../src/lib/database.types.ts'
import { openTradingStack, place, type Client, type TradingStack } from './stack-helpers.ts'

// Every rejection reason of SPEC §3, through supabase-js: HTTP 400, SQLSTATE P0001, a human
// message, the stable reason in `hint`, and not a single row changed anywhere.

type PlaceArgs = Database['public']['Functions']['place_order']['Args']

let t: TradingStack
let trader: { client: Client; id: string }
let otherOrderId: string
let filledOrderId: string

beforeAll(async () => {
  t = await openTradingStack()
  trader = await t.signUp()
  await t.setPrice('AAPL', 200)
  await t.setPrice('KO', 50)
  filledOrderId = (await place(trader.client, { p_symbol: 'AAPL', p_side: 'buy', p_quantity: 10 }))
    .id
  await place(trader.client, {
    p_symbol: 'AAPL',
    p_side: 'sell',
    p_quantity: 4,
    p_type: 'limit',
    p_limit_price: 250,
  })
  await place(trader.client, {
    p_symbol: 'KO',
    p_side: 'buy',
    p_quantity: 100,
    p_type: 'limit',
    p_limit_price: 40,
  })
  const other = await t.signUp()
  otherOrderId = (
    await place(other.client, {
      p_symbol: 'KO',
      p_side: 'buy',
      p_quantity: 1,
      p_type: 'limit',
      p_limit_price: 45,
    })
  ).id
})
afterAll(async () => {
  await t?.stop()
})

async function everything(): Promise<unknown> {
  const { rows } = await t.stack.db.query(
    `select (select count(*) from public.orders) as orders, (select count(*) from public.transactions) as fills,
       (select sum(cash) from public.profiles) as cash, (select sum(held_cash) from public.profiles) as held`,
  )
  return { mine: await t.snapshot(trader.id), totals: rows[0] }
}

async function expectRejected(
  call: () => PromiseLike<{
    error: { code: string; message: string; hint: string } | null
    status: number
  }>,
  reason: string,
): Promise<void> {
  const before = await everything()
  const { error, status } = await call()
  expect({ status, code: error?.code, hint: error?.hint }).toEqual({
    status: 400,
    code: 'P0001',
    hint: reason,
  })
  expect(error?.message).toMatch(/^[A-Z].{8,}\.$/)
  expect(await everything()).toEqual(before)
}

const order = (args: Partial<PlaceArgs>) => () =>
  trader.client.rpc('place_order', {
    p_symbol: 'AAPL',
    p_side: 'buy',
    p_quantity: 1,
    ...args,
  } as PlaceArgs)

describe('rejections leave the database unchanged', () => {
  it.each<[string, Partial<PlaceArgs>]>([
    ['market buy beyond buying power', { p_quantity: 600 }],
    [
      'limit buy whose hold exceeds buying power',
      { p_quantity: 1000, p_type: 'limit', p_limit_price: 100 },
    ],
    [
      'stop buy whose buffered hold exceeds buying power',
      { p_quantity: 470, p_type: 'stop', p_stop_price: 200 },
    ],
    ['notional buy beyond buying power', { p_quantity: undefined, p_notional: 200000 }],
    // holds too large for the engine's money columns (they overflowed before the check)
    [
      'a limit buy of a billion shares at a billion dollars',
      { p_quantity: 1e9, p_type: 'limit', p_limit_price: 1e9 },
    ],
    [
      'a stop buy of a billion shares at a billion dollars',
      { p_quantity: 1e9, p_type: 'stop', p_stop_price: 1e9 },
    ],
  ])('insufficient_funds: %s', async (_, args) => {
    await expectRejected(order(args), 'insufficient_funds')
  })

  it('insufficient_funds: quotes a hold of a quintillion dollars in full', async () => {
    const { error } = await order({ p_quantity: 1e9, p_type: 'stop', p_stop_price: 1e9 })()
    expect(error?.message).toBe(
      'Not enough buying power: this order holds $1,050,000,000,000,000,000.00 and you have $94,000.00 available.',
    )
  })

  it.each<[string, Partial<PlaceArgs>]>([
    ['selling a stock never bought', { p_symbol: 'MSFT', p_side: 'sell' }],
    ['selling more than owned', { p_side: 'sell', p_quantity: 11 }],
    ['selling shares held by a resting sell', { p_side: 'sell', p_quantity: 7 }],
    [
      'a resting sell beyond free shares',
      { p_side: 'sell', p_quantity: 6.5, p_type: 'limit', p_limit_price: 300 },
    ],
  ])('insufficient_shares: %s', async (_, args) => {
    await expectRejected(order(args), 'insufficient_shares')
  })

  it.each<[string, Partial<PlaceArgs>]>([
    ['an unlisted ticker', { p_symbol: 'ZZZZ' }],
    ['an empty symbol', { p_symbol: '' }],
  ])('unknown_symbol: %s', async (_, args) => {
    await expectRejected(order(args), 'unknown_symbol')
  })

  it('unknown_symbol: a symbol of any length is named in a message of bounded length', async () => {
    await expectRejected(order({ p_symbol: 'Q'.repeat(100_000) }), 'unknown_symbol')
    const { error } = await order({ p_symbol: 'Q'.repeat(100_000) })()
    expect(error?.message).toBe(`Unknown symbol ${'Q'.repeat(32)}….`)
    const dotted = await order({ p_symbol: 'Q.'.repeat(50_000) })()
    expect(dotted.error?.hint).toBe('unknown_symbol')
    expect(dotted.error?.message.length).toBeLessThanOrEqual(300)
    // an ordinary message is untouched
    const { error: unknown } = await order({ p_symbol: 'ZZZZ' })()
    expect(unknown?.message).toBe('Unknown symbol ZZZZ.')
  })

  it.each<[string, Partial<PlaceArgs>]>([
    ['zero shares', { p_quantity: 0 }],
    ['negative shares', { p_quantity: -3 }],
    ['less than a millionth of a share', { p_quantity: 0.0000004 }],
    ['an absurd quantity', { p_quantity: 1e13 }],
    ['both a quantity and an amount', { p_quantity: 1, p_notional: 100 }],
    ['neither a quantity nor an amount', { p_quantity: undefined }],
    ['a negative amount', { p_quantity: undefined, p_notional: -50 }],
    [
      'an amount worth less than a millionth of a share',
      { p_quantity: undefined, p_notional: 0.0001 },
    ],
    // 1e16 shares: more than the quantity column holds (it overflowed before the check)
    [
      'an amount that buys more than a billion shares at its limit',
      { p_quantity: undefined, p_notional: 1e12, p_type: 'limit', p_limit_price: 0.0001 },
    ],
    [
      'an amount that sells more than a billion shares at its limit',
      {
        p_side: 'sell',
        p_quantity: undefined,
        p_notional: 1e12,
        p_type: 'limit',
        p_limit_price: 0.0001,
      },
    ],
  ])('invalid_quantity: %s', async (_, args) => {
    await expectRejected(order(args), 'invalid_quantity')
  })

  it.each<[string, Partial<PlaceArgs>]>([
    ['a limit order without a limit price', { p_type: 'limit' }],
    ['a negative limit price', { p_type: 'limit', p_limit_price: -1 }],
    ['a zero stop price', { p_type: 'stop', p_stop_price: 0 }],
    ['a stop-limit without its stop', { p_type: 'stop_limit', p_limit_price: 190 }],
    ['a market order with a limit price', { p_limit_price: 190 }],
    ['a limit order with a stop price', { p_type: 'limit', p_limit_price: 190, p_stop_price: 180 }],
  ])('invalid_price: %s', async (_, args) => {
    await expectRejected(order(args), 'invalid_price')
  })

  it.each<[string, Partial<PlaceArgs>]>([
    ['an unknown order type', { p_type: 'trailing_stop' }],
    ['an unknown time in force', { p_type: 'limit', p_limit_price: 150, p_time_in_force: 'ioc' }],
  ])('invalid_order_type: %s', async (_, args) => {
    await expectRejected(order(args), 'invalid_order_type')
  })

  it.each<[string, Partial<PlaceArgs>]>([
    ['short', { p_side: 'short' }],
    ['empty', { p_side: '' }],
  ])('invalid_side: %s', async (_, args) => {
    await expectRejected(order(args), 'invalid_side')
  })

  // Not one of SPEC §3's reasons: the spec does not say what a reused key with other details
  // does; returning the first order would report an order that was never placed as placed.
  describe('client_order_id_reused: a key already used for a different order', () => {
    const key = crypto.randomUUID()
    beforeAll(async () => {
      await place(trader.client, {
        p_symbol: 'KO',
        p_side: 'buy',
        p_quantity: 2,
        p_type: 'limit',
        p_limit_price: 45,
        p_client_order_id: key,
      })
    })
    const keyed = (args: Partial<PlaceArgs>) =>
      order({
        p_symbol: 'KO',
        p_quantity: 2,
        p_type: 'limit',
        p_limit_price: 45,
        p_client_order_id: key,
        ...args,
      })

    it.each<[string, Partial<PlaceArgs>]>([
      ['another symbol', { p_symbol: 'AAPL' }],
      ['the other side', { p_side: 'sell' }],
      ['another quantity', { p_quantity: 3 }],
      ['a dollar amount instead', { p_quantity: undefined, p_notional: 90 }],
      ['another type', { p_type: 'stop', p_limit_price: undefined, p_stop_price: 45 }],
      ['another limit price', { p_limit_price: 44 }],
      ['another time in force', { p_time_in_force: 'day' }],
    ])('%s', async (_, args) => {
      await expectRejected(keyed(args), 'client_order_id_reused')
    })

    it('the same order again is still the first one, not a rejection', async () => {
      const before = await everything()
      const { data, error } = await keyed({ p_symbol: ' ko ', p_limit_price: 45.00001 })()
      expect(error).toBeNull()
      expect(data).toMatchObject({ client_order_id: key, symbol: 'KO', limit_price: 45 })
      expect(await everything()).toEqual(before)
    })

    it('a market order retried with another time in force is the same order', async () => {
      const marketKey = crypto.randomUUID()
      const market = (tif: string) =>
        order({ p_symbol: 'KO', p_client_order_id: marketKey, p_time_in_force: tif })()
      const first = await market('gtc')
      const before = await everything()
      const again = await market('day')
      expect(again.error).toBeNull()
      expect(again.data).toMatchObject({ id: first.data?.id })
      expect(await everything()).toEqual(before)
    })

    it('invalid details are refused as invalid, not answered with the first order', async () => {
      await expectRejected(keyed({ p_quantity: -1 }), 'invalid_quantity')
      await expectRejected(keyed({ p_symbol: 'ZZZZ' }), 'unknown_symbol')
    })
  })

  it("order_not_open: cancelling a filled order, an unknown order, or another user's order", async () => {
    for (const id of [filledOrderId, crypto.randomUUID(), otherOrderId]) {
      await expectRejected(
        () => trader.client.rpc('cancel_order', { p_order_id: id }),
        'order_not_open',
      )
    }
    const { rows } = await t.stack.db.query<{ status: string }>(
      'select status from public.orders where id = $1',
      [otherOrderId],
    )
    expect(rows[0].status).toBe('pending')
  })

  it('not_authenticated: a signed-in role without a user id', async () => {
    const token = await signJwt(
      { role: 'authenticated', aud: 'authenticated', exp: Math.floor(Date.now() / 1000) + 600 },
      JWT_SECRET,
    )
    // The token goes in Authorization; the apikey stays the anon key, as the gateway requires.
    const nobody = createClient(t.stack.url, t.stack.anonKey, {
      accessToken: async () => token,
      realtime: { transport: WebSocket as never },
    }) as unknown as Client
    await expectRejected(
      () => nobody.rpc('place_order', { p_symbol: 'AAPL', p_side: 'buy', p_quantity: 1 }),
      'not_authenticated',
    )
    await expectRejected(
      () => nobody.rpc('cancel_order', { p_order_id: otherOrderId }),
      'not_authenticated',
    )
    await expectRejected(() => nobody.rpc('reset_portfolio'), 'not_authenticated')
    await expectRejected(() => nobody.rpc('export_my_data'), 'not_authenticated')
    await expectRejected(() => nobody.rpc('delete_my_account'), 'not_authenticated')
  })

  it('signed-out callers cannot even execute the trading functions (401, nothing written)', async () => {
    const before = await everything()
    const { error, status } = await t.anon.rpc('place_order', {
      p_symbol: 'AAPL',
      p_side: 'buy',
      p_quantity: 1,
    })
    expect({ status, code: error?.code }).toEqual({ status: 401, code: '42501' })
    expect(await everything()).toEqual(before)
  })
})
