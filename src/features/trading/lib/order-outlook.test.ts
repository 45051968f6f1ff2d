import { expectedFillPrice, immediateOutlook } from './order-outlook'
import type { PricedOrder } from './order-outlook'

const order = (patch: Partial<PricedOrder>): PricedOrder => ({
  side: 'buy',
  type: 'limit',
  limitPrice: null,
  stopPrice: null,
  ...patch,
})

describe('immediateOutlook', () => {
  it('says a stop the price has already crossed triggers on the next tick', () => {
    expect(immediateOutlook(order({ type: 'stop', stopPrice: 69.67 }), 139.33)).toEqual({
      field: 'stopPrice',
      notice:
        'Your stop is below the market price ($139.33): this order will trigger on the next tick and fill at about the market price.',
      next: 'It will trigger on the next tick and fill at about the market price.',
    })
    expect(
      immediateOutlook(order({ side: 'sell', type: 'stop', stopPrice: 150 }), 139.33)?.notice,
    ).toMatch(/^Your stop is above the market price \(\$139\.33\): this order will trigger/)
    expect(immediateOutlook(order({ type: 'stop', stopPrice: 100 }), 100)?.notice).toMatch(
      /^Your stop is at the market price/,
    )
  })

  it('says a limit at or better than the market likely fills on the next tick', () => {
    expect(immediateOutlook(order({ limitPrice: 150 }), 139.33)).toEqual({
      field: 'limitPrice',
      notice:
        'Your limit is above the market price ($139.33): this order will likely fill on the next tick at the market price or better.',
      next: 'It will likely fill on the next tick at the market price or better.',
    })
    expect(immediateOutlook(order({ side: 'sell', limitPrice: 120 }), 139.33)?.notice).toMatch(
      /^Your limit is below the market price/,
    )
  })

  it('lets the stop decide for a stop limit, then says whether the limit allows a fill', () => {
    expect(
      immediateOutlook(order({ type: 'stop_limit', stopPrice: 130, limitPrice: 145 }), 139.33)
        ?.notice,
    ).toBe(
      'Your stop is below the market price ($139.33): this order will trigger on the next tick and likely fill at the market price or better.',
    )
    expect(
      immediateOutlook(order({ type: 'stop_limit', stopPrice: 130, limitPrice: 135 }), 139.33)
        ?.next,
    ).toBe(
      'It will trigger on the next tick, then rest as a limit order until the price falls to your limit ($135.00).',
    )
    expect(
      immediateOutlook(
        order({ side: 'sell', type: 'stop_limit', stopPrice: 150, limitPrice: 160 }),
        139.33,
      )?.next,
    ).toMatch(/until the price rises to your limit \(\$160\.00\)/)
    // Not triggered yet: it rests, whatever its limit.
    expect(
      immediateOutlook(order({ type: 'stop_limit', stopPrice: 145, limitPrice: 150 }), 139.33),
    ).toBeNull()
  })

  it('is null for orders that rest and for market orders', () => {
    expect(immediateOutlook(order({ type: 'stop', stopPrice: 145 }), 139.33)).toBeNull()
    expect(
      immediateOutlook(order({ side: 'sell', type: 'stop', stopPrice: 120 }), 139.33),
    ).toBeNull()
    expect(immediateOutlook(order({ limitPrice: 120 }), 139.33)).toBeNull()
    expect(immediateOutlook(order({ side: 'sell', limitPrice: 150 }), 139.33)).toBeNull()
    expect(immediateOutlook(order({ type: 'market' }), 139.33)).toBeNull()
    // A price not typed yet says nothing.
    expect(immediateOutlook(order({ type: 'stop' }), 139.33)).toBeNull()
  })
})

describe('expectedFillPrice', () => {
  it('is the market once crossed, else about the order’s own price', () => {
    expect(expectedFillPrice(order({ type: 'market' }), 100)).toBe(100)
    expect(expectedFillPrice(order({ type: 'stop', stopPrice: 110 }), 100)).toBe(110)
    expect(expectedFillPrice(order({ type: 'stop', stopPrice: 90 }), 100)).toBe(100)
    expect(expectedFillPrice(order({ side: 'sell', type: 'stop', stopPrice: 90 }), 100)).toBe(90)
    expect(expectedFillPrice(order({ limitPrice: 95 }), 100)).toBe(95)
    expect(expectedFillPrice(order({ limitPrice: 105 }), 100)).toBe(100)
    expect(expectedFillPrice(order({ side: 'sell', limitPrice: 95 }), 100)).toBe(100)
    expect(
      expectedFillPrice(order({ type: 'stop_limit', stopPrice: 90, limitPrice: 95 }), 100),
    ).toBe(95)
    expect(
      expectedFillPrice(order({ type: 'stop_limit', stopPrice: 110, limitPrice: 112 }), 100),
    ).toBe(110)
  })
})
