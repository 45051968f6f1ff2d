import fc from 'fast-check'
import { buildEquityCurve, dayStartEquity, downsample, type Fill } from './equity-curve'

const MINUTE = 60_000
const start = Date.UTC(2026, 10, 20, 14, 0)

function buy(at: number, symbol: string, quantity: number, price: number, cashAfter: number): Fill {
  return { at, symbol, side: 'buy', quantity, price, cashAfter }
}

describe('buildEquityCurve', () => {
  it('is flat at the starting cash before any trade', () => {
    const curve = buildEquityCurve({
      startingCash: 100_000,
      runStart: start,
      fills: [],
      closes: { AAPL: [{ at: start + MINUTE, close: 150 }] },
      now: start + 2 * MINUTE,
      livePrices: new Map([['AAPL', 151]]),
    })
    expect(curve).toEqual([
      { at: start, equity: 100_000 },
      { at: start + MINUTE, equity: 100_000 },
      { at: start + 2 * MINUTE, equity: 100_000 },
    ])
  })

  it('values holdings at later closes and at the live price now, not at cost', () => {
    const curve = buildEquityCurve({
      startingCash: 100_000,
      runStart: start,
      fills: [buy(start + MINUTE, 'AAPL', 10, 100, 99_000)],
      closes: {
        AAPL: [
          { at: start - MINUTE, close: 90 },
          { at: start + 2 * MINUTE, close: 110 },
        ],
      },
      now: start + 3 * MINUTE,
      livePrices: new Map([['AAPL', 120]]),
    })
    expect(curve).toEqual([
      { at: start, equity: 100_000 },
      { at: start + MINUTE, equity: 100_000 },
      { at: start + 2 * MINUTE, equity: 100_100 },
      { at: start + 3 * MINUTE, equity: 100_200 },
    ])
  })

  it('takes the cash after each fill from the ledger, so fees lower the curve', () => {
    const curve = buildEquityCurve({
      startingCash: 1_000,
      runStart: start,
      fills: [
        buy(start + MINUTE, 'MSFT', 2, 100, 799),
        { at: start + 2 * MINUTE, symbol: 'MSFT', side: 'sell', quantity: 2, price: 105, cashAfter: 1_008 },
      ],
      closes: {},
      now: start + 3 * MINUTE,
      livePrices: new Map([['MSFT', 500]]),
    })
    expect(curve.map((point) => point.equity)).toEqual([1_000, 999, 1_008, 1_008])
  })

  it('ignores fills of earlier runs', () => {
    const curve = buildEquityCurve({
      startingCash: 100_000,
      runStart: start,
      fills: [buy(start - MINUTE, 'AAPL', 10, 100, 99_000)],
      closes: {},
      now: start + MINUTE,
      livePrices: new Map([['AAPL', 200]]),
    })
    expect(curve.at(-1)).toEqual({ at: start + MINUTE, equity: 100_000 })
  })

  it('ends at cash + Σ quantity × live price for any sequence of buys', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            symbol: fc.constantFrom('A', 'B', 'C'),
            quantity: fc.integer({ min: 1, max: 100 }),
          }),
          { maxLength: 20 },
        ),
        (trades) => {
          // One fill price per symbol: the market did not move between fills.
          const fillPrice = new Map([
            ['A', 7],
            ['B', 13],
            ['C', 29],
          ])
          let cash = 1_000_000
          const fills = trades.map((trade, index) => {
            const price = fillPrice.get(trade.symbol) ?? 0
            cash -= trade.quantity * price
            return buy(start + (index + 1) * MINUTE, trade.symbol, trade.quantity, price, cash)
          })
          const live = new Map([
            ['A', 10],
            ['B', 20],
            ['C', 30],
          ])
          const curve = buildEquityCurve({
            startingCash: 1_000_000,
            runStart: start,
            fills,
            closes: {},
            now: start + 1_000 * MINUTE,
            livePrices: live,
          })
          const expected = trades.reduce(
            (sum, trade) => sum + trade.quantity * (live.get(trade.symbol) ?? 0),
            cash,
          )
          expect(curve.at(-1)?.equity).toBeCloseTo(expected, 6)
          // Valued at the fill price, a trade without fees does not change equity.
          for (const point of curve.slice(0, -1)) expect(point.equity).toBeCloseTo(1_000_000, 6)
        },
      ),
    )
  })
})

describe('dayStartEquity', () => {
  const dayStart = Date.UTC(2026, 10, 21)

  it('is the starting cash for a run that began today', () => {
    const equity = dayStartEquity({
      startingCash: 100_000,
      fills: [buy(dayStart + MINUTE, 'AAPL', 10, 100, 99_000)],
      dayStart,
      previousClose: () => 95,
    })
    expect(equity).toBe(100_000)
  })

  it('values yesterday’s positions at the previous close', () => {
    const equity = dayStartEquity({
      startingCash: 100_000,
      fills: [buy(dayStart - MINUTE, 'AAPL', 10, 100, 99_000)],
      dayStart,
      previousClose: () => 95,
    })
    expect(equity).toBe(99_950)
  })
})

describe('downsample', () => {
  it('keeps short curves as they are', () => {
    const points = [
      { at: 0, equity: 1 },
      { at: 1, equity: 2 },
    ]
    expect(downsample(points, 10)).toEqual(points)
  })

  it('keeps at most maxPoints, always the first and the last', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 2_000 }), fc.integer({ min: 3, max: 300 }), (n, max) => {
        const points = Array.from({ length: n }, (_, index) => ({ at: index * 1_000, equity: index }))
        const kept = downsample(points, max)
        expect(kept.length).toBeLessThanOrEqual(max)
        expect(kept[0]).toEqual(points[0])
        expect(kept.at(-1)).toEqual(points.at(-1))
        for (let i = 1; i < kept.length; i += 1) expect(kept[i].at).toBeGreaterThan(kept[i - 1].at)
      }),
    )
  })
})
