import { describeOrder, orderPrices, timeInForceLabel } from './describe-order'

const order = {
  symbol: 'AAPL',
  side: 'buy' as const,
  type: 'stop_limit' as const,
  quantity: 2.5,
  limit_price: 94.5,
  stop_price: 95,
}

describe('describeOrder', () => {
  it('names side, quantity, symbol and type', () => {
    expect(describeOrder(order)).toBe('Buy 2.5 AAPL stop limit')
  })
})

describe('orderPrices', () => {
  it('lists the stop before the limit, capitalized, and says Market for market orders', () => {
    // No-break spaces keep each price with its name when a narrow cell wraps.
    expect(orderPrices(order)).toBe('Stop\u00a0$95.0000, limit\u00a0$94.5000')
    expect(orderPrices({ ...order, type: 'limit', stop_price: null, limit_price: 150 })).toBe(
      'Limit\u00a0$150.0000',
    )
    expect(orderPrices({ ...order, type: 'stop', limit_price: null, stop_price: 200 })).toBe(
      'Stop\u00a0$200.0000',
    )
    // Always the 4 decimals the engine keeps: a price typed to a tenth of a cent is not rounded.
    expect(orderPrices({ ...order, type: 'limit', stop_price: null, limit_price: 100.005 })).toBe(
      'Limit\u00a0$100.0050',
    )
    expect(orderPrices({ ...order, type: 'market', limit_price: null, stop_price: null })).toBe(
      'Market',
    )
  })
})

describe('timeInForceLabel', () => {
  it("uses the order ticket's wording, and a dash for market orders", () => {
    expect(timeInForceLabel({ type: 'limit', time_in_force: 'gtc' })).toBe('Good till cancelled')
    expect(timeInForceLabel({ type: 'stop_limit', time_in_force: 'day' })).toBe('Day')
    expect(timeInForceLabel({ type: 'market', time_in_force: 'gtc' })).toBe('—')
  })
})
