import { describeOrder, orderPrices } from './describe-order'

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
  it('lists the stop before the limit, and a dash for market orders', () => {
    expect(orderPrices(order)).toBe('stop $95.00, limit $94.50')
    expect(orderPrices({ ...order, type: 'market', limit_price: null, stop_price: null })).toBe('—')
  })
})
