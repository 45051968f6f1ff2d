import {
  dayOrderLabel,
  emptyDraft,
  estimateOrder,
  fieldErrors,
  maxBuyShares,
  nothingToSell,
  orderSchema,
  reviewProblem,
  toRpcArgs,
} from './order-form'
import { describeRejection } from '../components/reject-reasons'

const draft = (patch: Partial<ReturnType<typeof emptyDraft>>) => ({ ...emptyDraft(), ...patch })

describe('order form', () => {
  it('requires the fields of the chosen type and mode', () => {
    const result = orderSchema.safeParse(draft({ type: 'stop_limit', quantity: '' }))
    expect(result.success).toBe(false)
    const paths = result.error!.issues.map((i) => i.path[0])
    expect(paths).toEqual(['quantity', 'limitPrice', 'stopPrice'])
  })

  it('accepts fractional shares up to 6 decimals and dollars up to 2', () => {
    expect(orderSchema.safeParse(draft({ quantity: '0.123456' })).success).toBe(true)
    expect(orderSchema.safeParse(draft({ quantity: '0.1234567' })).success).toBe(false)
    expect(orderSchema.safeParse(draft({ amountMode: 'dollars', notional: '10.5' })).success).toBe(
      true,
    )
    expect(
      orderSchema.safeParse(draft({ amountMode: 'dollars', notional: '10.555' })).success,
    ).toBe(false)
    expect(orderSchema.safeParse(draft({ quantity: '0' })).success).toBe(false)
  })

  it('says what is wrong with each amount, with the limits the database keeps', () => {
    const shares = (quantity: string) => fieldErrors(draft({ quantity })).quantity
    expect(shares('-1')).toBe('Enter a number of shares greater than 0.')
    expect(shares('0')).toBe('Enter a number of shares greater than 0.')
    expect(shares('0.000000')).toBe('Enter a number of shares greater than 0.')
    expect(shares('1.1234567')).toBe('Shares can have at most 6 decimal places.')
    expect(shares('abc')).toBe('Enter a number, like 10 or 2.5.')
    expect(shares('1e3')).toBe('Enter a number, like 10 or 2.5.')
    expect(shares('1000000001')).toMatch(/at most 1,000,000,000 shares/)
    expect(shares(' 1.123456 ')).toBeUndefined()
    expect(shares('.5')).toBeUndefined()

    const dollars = (notional: string) =>
      fieldErrors(draft({ amountMode: 'dollars', notional })).notional
    expect(dollars('0')).toBe('Enter a dollar amount of at least $0.01.')
    expect(dollars('-5')).toBe('Enter a dollar amount of at least $0.01.')
    expect(dollars('0.001')).toBe('A dollar amount can have at most 2 decimal places (cents).')
    expect(dollars('0.01')).toBeUndefined()
    expect(dollars('1000000000001')).toMatch(/at most \$1,000,000,000,000/)

    const limit = fieldErrors(draft({ type: 'limit', quantity: '1', limitPrice: '1.12345' }))
    expect(limit).toEqual({ limitPrice: 'A limit price can have at most 4 decimal places.' })
    const stop = fieldErrors(draft({ type: 'stop', quantity: '1', stopPrice: '-2' }))
    expect(stop).toEqual({ stopPrice: 'Enter a stop price greater than 0.' })
  })

  it('flags typed fields as they are typed and asks for empty ones on submit only', () => {
    const partly = draft({ type: 'stop_limit', quantity: '-1', limitPrice: '', stopPrice: '' })
    expect(fieldErrors(partly, { typedOnly: true })).toEqual({
      quantity: 'Enter a number of shares greater than 0.',
    })
    expect(fieldErrors(partly)).toEqual({
      quantity: 'Enter a number of shares greater than 0.',
      limitPrice: 'Enter a limit price.',
      stopPrice: 'Enter a stop price.',
    })
    expect(fieldErrors(draft({ quantity: '2' }))).toEqual({})
  })

  it('says up front when there are no shares to sell', () => {
    expect(nothingToSell('AAPL', undefined)).toBe('You have no AAPL shares to sell.')
    expect(nothingToSell('AAPL', { quantity: 0, held_quantity: 0 })).toBe(
      'You have no AAPL shares to sell.',
    )
    expect(nothingToSell('AAPL', { quantity: 2, held_quantity: 2 })).toBe(
      'All your AAPL shares are held by open sell orders.',
    )
    expect(nothingToSell('AAPL', { quantity: 2, held_quantity: 1.999999 })).toBeNull()
  })

  it('never sends a price for market orders', () => {
    const order = orderSchema.parse(draft({ quantity: '2', limitPrice: '100', stopPrice: '90' }))
    const args = toRpcArgs('AAPL', order, 'id-1')
    expect(JSON.parse(JSON.stringify(args))).toEqual({
      p_symbol: 'AAPL',
      p_side: 'buy',
      p_type: 'market',
      p_quantity: 2,
      p_time_in_force: 'gtc',
      p_client_order_id: 'id-1',
    })
    const marketDay = orderSchema.parse(draft({ quantity: '2', timeInForce: 'day' }))
    expect(toRpcArgs('AAPL', marketDay, 'id-3').p_time_in_force).toBe('gtc')
    const limit = orderSchema.parse(
      draft({ type: 'limit', amountMode: 'dollars', notional: '50', limitPrice: '99.5' }),
    )
    expect(JSON.parse(JSON.stringify(toRpcArgs('AAPL', limit, 'id-2')))).toMatchObject({
      p_type: 'limit',
      p_notional: 50,
      p_limit_price: 99.5,
    })
  })

  it('estimates cost and checks buying power like the server', () => {
    const order = orderSchema.parse(draft({ quantity: '10' }))
    expect(
      estimateOrder(order, { price: 100, buyingPower: 2000, availableShares: 0 }),
    ).toMatchObject({
      value: 1000,
      cashNeeded: 1000,
      problem: null,
    })
    expect(
      estimateOrder(order, { price: 300, buyingPower: 2000, availableShares: 0 }).problem,
    ).toMatch(/buying power/)
    const stop = orderSchema.parse(draft({ type: 'stop', quantity: '1', stopPrice: '110' }))
    expect(
      estimateOrder(stop, { price: 100, buyingPower: 1e6, availableShares: 0 }).cashNeeded,
    ).toBeCloseTo(115.5)
    const dollars = orderSchema.parse(draft({ amountMode: 'dollars', notional: '100' }))
    expect(estimateOrder(dollars, { price: 3, buyingPower: 1e6, availableShares: 0 }).shares).toBe(
      33.333333,
    )
  })

  it('works out the most shares a buy can be for, by the rule the buying-power check uses', () => {
    const market = { side: 'buy', type: 'market', limitPrice: null, stopPrice: null } as const
    expect(maxBuyShares(market, 200, 1000)).toBe(5)
    expect(maxBuyShares(market, 3, 100)).toBe(33.333333)
    // 0.3 / 0.1 is 2.9999999999999996 in floats: still 3 shares, which the check lets through.
    expect(maxBuyShares(market, 0.1, 0.3)).toBe(3)
    const order = orderSchema.parse(draft({ quantity: '3' }))
    expect(estimateOrder(order, { price: 0.1, buyingPower: 0.3, availableShares: 0 }).problem).toBe(
      null,
    )
    expect(maxBuyShares({ ...market, type: 'limit', limitPrice: 300 }, 200, 1000)).toBe(3.333333)
    expect(maxBuyShares({ ...market, type: 'stop', stopPrice: 240 }, 200, 1000)).toBe(3.968253)
    // Not known until its limit is typed; nothing when not even a millionth of a share.
    expect(maxBuyShares({ ...market, type: 'stop_limit', stopPrice: 240 }, 200, 1000)).toBe(0)
    expect(maxBuyShares(market, 200, 0.0001)).toBe(0)
    const big = orderSchema.parse(draft({ quantity: '6' }))
    expect(estimateOrder(big, { price: 200, buyingPower: 1000, availableShares: 0 }).problem).toBe(
      'Not enough buying power for this order. You can buy at most 5 shares.',
    )
  })

  it('estimates a resting buy at its expected fill and shows its hold apart', () => {
    const context = { price: 139.3, buyingPower: 1e6, availableShares: 0 }
    // A stop above the market fills at about its stop; it holds 105 % of the stop.
    const stop = orderSchema.parse(draft({ type: 'stop', quantity: '2', stopPrice: '150' }))
    const waiting = estimateOrder(stop, context)
    expect(waiting.value).toBeCloseTo(300)
    expect(waiting.held).toBeCloseTo(315)
    expect(waiting.cashNeeded).toBeCloseTo(315)
    // Already crossed: it fills at about the market; the hold is 105 % of the market.
    const crossed = estimateOrder({ ...stop, stopPrice: 69.67 }, context)
    expect(crossed.value).toBeCloseTo(278.6)
    expect(crossed.held).toBeCloseTo(292.53)
    // The buying-power check uses the hold, not the estimate.
    expect(estimateOrder(stop, { ...context, buyingPower: 310 }).problem).toMatch(/buying power/)
    // A limit buy at or above the market fills at the market (or better), holds its limit.
    const limit = orderSchema.parse(draft({ type: 'limit', quantity: '2', limitPrice: '145' }))
    expect(estimateOrder(limit, context)).toMatchObject({ value: 278.6, held: 290 })
    expect(estimateOrder({ ...limit, limitPrice: 120 }, context)).toMatchObject({
      value: 240,
      held: 240,
    })
    // Market buys spend their cost and hold nothing; sells hold no cash.
    expect(estimateOrder(orderSchema.parse(draft({ quantity: '1' })), context).held).toBeNull()
    const sell = orderSchema.parse(
      draft({ side: 'sell', type: 'limit', quantity: '1', limitPrice: '100' }),
    )
    expect(estimateOrder(sell, { ...context, availableShares: 5 })).toMatchObject({
      value: 139.3,
      held: null,
      cashNeeded: 0,
    })
  })

  it("labels day orders with the UTC midnight in the user's own clock", () => {
    const evening = new Date('2026-11-22T20:08:00Z')
    expect(dayOrderLabel(evening, 'America/New_York')).toBe('Day (expires 7:00 PM your time)')
    expect(dayOrderLabel(evening, 'Asia/Tokyo')).toBe('Day (expires 9:00 AM your time)')
    expect(dayOrderLabel(evening, 'UTC')).toBe('Day (expires 12:00 AM your time)')
  })

  it('checks shares for sells', () => {
    const sell = orderSchema.parse(draft({ side: 'sell', quantity: '5' }))
    expect(estimateOrder(sell, { price: 10, buyingPower: 0, availableShares: 4 }).problem).toMatch(
      /at most 4/,
    )
    expect(estimateOrder(sell, { price: 10, buyingPower: 0, availableShares: 0 }).problem).toMatch(
      /do not own/,
    )
    // a float difference of held shares reads as shares, not as 0.30000000000000004
    expect(
      estimateOrder(sell, { price: 10, buyingPower: 0, availableShares: 0.1 + 0.2 }).problem,
    ).toBe('You can sell at most 0.3 shares.')
    // in dollars, the limit in dollars (at the limit price, cents down) and then in shares
    const dollars = orderSchema.parse(
      draft({
        side: 'sell',
        type: 'limit',
        amountMode: 'dollars',
        notional: '5000',
        limitPrice: '260',
      }),
    )
    expect(
      estimateOrder(dollars, { price: 250, buyingPower: 0, availableShares: 4.674419 }).problem,
    ).toBe('You can sell at most $1,215.34 (4.674419 shares).')
  })

  it("shows the engine's own sentence for a refusal, plain words for a bare reason", () => {
    const message = 'Not enough buying power: this order costs $5.00 and you have $1.00 available.'
    expect(describeRejection({ code: 'P0001', hint: 'insufficient_funds', message })).toBe(message)
    expect(describeRejection({ hint: 'insufficient_funds' })).toMatch(
      /^You do not have enough buying power/,
    )
    expect(describeRejection({ message: 'boom' })).toBe('The order was not placed: boom')
  })

  describe('reviewProblem (the confirm dialog re-check)', () => {
    const valid = (patch: Partial<ReturnType<typeof emptyDraft>>) => {
      const result = orderSchema.safeParse(draft(patch))
      if (!result.success) throw new Error('invalid draft')
      return result.data
    }
    const at = (price: number, buyingPower: number | null = 1000, availableShares = 2) => ({
      price,
      buyingPower,
      availableShares,
    })

    it('is null while the order still fits', () => {
      expect(reviewProblem(valid({ quantity: '5' }), at(200), at(199))).toBeNull()
      expect(reviewProblem(valid({ quantity: '5' }), at(200), at(200))).toBeNull()
    })

    it('says a market buy now needs more than the buying power, in cents that differ', () => {
      expect(reviewProblem(valid({ quantity: '5' }), at(200), at(200.5))).toBe(
        'The price moved: this order now needs $1,002.50, more than your buying power $1,000.00.',
      )
      // $1,000.0005 is over $1,000.00 though it rounds to it: said as $1,000.01.
      expect(reviewProblem(valid({ quantity: '5' }), at(200), at(200.0001))).toBe(
        'The price moved: this order now needs $1,000.01, more than your buying power $1,000.00.',
      )
    })

    it('names a fall in buying power as the cause, for a limit buy too', () => {
      const limit = valid({ type: 'limit', quantity: '4', limitPrice: '190' })
      expect(reviewProblem(limit, at(200), at(201, 700))).toBe(
        'Your buying power went down: this order now needs $760.00, more than your buying power $700.00.',
      )
    })

    it('says a dollar-amount market sell now needs more shares than are available', () => {
      const sell = valid({ side: 'sell', amountMode: 'dollars', notional: '390' })
      expect(reviewProblem(sell, at(200), at(190))).toBe(
        'The price moved: this order now needs 2.052631 shares, more than the 2 you have available.',
      )
      expect(reviewProblem(valid({ side: 'sell', quantity: '2' }), at(200), at(200, 1000, 1))).toBe(
        'Your available shares went down: this order now needs 2 shares, more than the 1 you have available.',
      )
    })
  })
})
