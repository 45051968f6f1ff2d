import fc from 'fast-check'
import {
  buildDayEquityCurve,
  buildEquityCurve,
  dayStartEquity,
  downsample,
  withLivePoint,
  type Fill,
} from './equity-curve'

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
      until: start + 2 * MINUTE,
    })
    expect(curve).toEqual([
      { at: start, equity: 100_000 },
      { at: start + MINUTE, equity: 100_000 },
    ])
  })

  it('values holdings at later closes, not at cost', () => {
    const curve = buildEquityCurve({
      startingCash: 100_000,
      runStart: start,
      fills: [buy(start + MINUTE, 'AAPL', 10, 100, 99_000)],
      closes: {
        AAPL: [
          { at: start - MINUTE, close: 90 },
          { at: start + 2 * MINUTE, close: 110 },
          { at: start + 3 * MINUTE, close: 120 },
        ],
      },
      until: start + 2 * MINUTE,
    })
    // The close at +3 min is after `until` (its candle is still open): left out.
    expect(curve).toEqual([
      { at: start, equity: 100_000 },
      { at: start + MINUTE, equity: 100_000 },
      { at: start + 2 * MINUTE, equity: 100_100 },
    ])
  })

  it('values a fill and a close at the same instant once, with the close', () => {
    const curve = buildEquityCurve({
      startingCash: 1_000,
      runStart: start,
      fills: [buy(start + MINUTE, 'AAPL', 1, 100, 900)],
      closes: { AAPL: [{ at: start + MINUTE, close: 101 }] },
      until: start + MINUTE,
    })
    expect(curve).toEqual([
      { at: start, equity: 1_000 },
      { at: start + MINUTE, equity: 1_001 },
    ])
  })

  it('takes the cash after each fill from the ledger, so fees lower the curve', () => {
    const curve = buildEquityCurve({
      startingCash: 1_000,
      runStart: start,
      fills: [
        buy(start + MINUTE, 'MSFT', 2, 100, 799),
        {
          at: start + 2 * MINUTE,
          symbol: 'MSFT',
          side: 'sell',
          quantity: 2,
          price: 105,
          cashAfter: 1_008,
        },
      ],
      closes: {},
      until: start + 3 * MINUTE,
    })
    expect(curve.map((point) => point.equity)).toEqual([1_000, 999, 1_008])
  })

  it('ignores fills of earlier runs', () => {
    const curve = buildEquityCurve({
      startingCash: 100_000,
      runStart: start,
      fills: [buy(start - MINUTE, 'AAPL', 10, 100, 99_000)],
      closes: { AAPL: [{ at: start + MINUTE, close: 200 }] },
      until: start + MINUTE,
    })
    expect(curve.at(-1)).toEqual({ at: start + MINUTE, equity: 100_000 })
  })

  it('stays at the starting cash while prices do not move, for any sequence of buys', () => {
    // One fill price per symbol: the market did not move between fills.
    const fillPrice: Record<string, number> = { A: 7, B: 13, C: 29 }
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
          let cash = 1_000_000
          const fills = trades.map((trade, index) => {
            const price = fillPrice[trade.symbol]
            cash -= trade.quantity * price
            return buy(start + (index + 1) * MINUTE, trade.symbol, trade.quantity, price, cash)
          })
          const curve = buildEquityCurve({
            startingCash: 1_000_000,
            runStart: start,
            fills,
            closes: {},
            until: start + 1_000 * MINUTE,
          })
          expect(curve).toHaveLength(trades.length + 1)
          for (const point of curve) expect(point.equity).toBeCloseTo(1_000_000, 6)
        },
      ),
    )
  })
})

describe('withLivePoint', () => {
  it('appends the live equity and drops points at or after it', () => {
    const curve = [
      { at: 1, equity: 10 },
      { at: 2, equity: 11 },
      { at: 3, equity: 12 },
    ]
    expect(withLivePoint(curve, 3, 20)).toEqual([
      { at: 1, equity: 10 },
      { at: 2, equity: 11 },
      { at: 3, equity: 20 },
    ])
    expect(withLivePoint(curve, 5, 20).at(-1)).toEqual({ at: 5, equity: 20 })
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

describe('buildDayEquityCurve', () => {
  const dayStart = Date.UTC(2026, 10, 21)
  const sell = (at: number, symbol: string, quantity: number, price: number, cashAfter: number) =>
    ({ at, symbol, side: 'sell', quantity, price, cashAfter }) as const

  it('starts at the day’s start, valued at the previous close, then follows today’s closes and fills', () => {
    const runStart = dayStart - 3 * 86_400_000
    const fills = [
      buy(runStart + MINUTE, 'AAPL', 10, 100, 99_000),
      buy(runStart + 2 * MINUTE, 'KO', 100, 60, 93_000),
      sell(dayStart + 5 * MINUTE, 'KO', 100, 62, 99_200),
    ]
    const previousClose = (symbol: string) => ({ AAPL: 95, KO: 61 })[symbol]
    const curve = buildDayEquityCurve({
      startingCash: 100_000,
      runStart,
      dayStart,
      fills,
      closes: {
        AAPL: [
          { at: dayStart + MINUTE, close: 96 },
          { at: dayStart + 10 * MINUTE, close: 99 },
        ],
        KO: [{ at: dayStart + MINUTE, close: 61.5 }],
      },
      previousClose,
      until: dayStart + 10 * MINUTE,
    })
    expect(curve).toEqual([
      // 93,000 + 10 × 95 + 100 × 61: the equity the day's change counts from
      { at: dayStart, equity: 100_050 },
      { at: dayStart + MINUTE, equity: 93_000 + 960 + 6_150 },
      // KO sold at 62: cash from the ledger, AAPL still at its last close
      { at: dayStart + 5 * MINUTE, equity: 99_200 + 960 },
      { at: dayStart + 10 * MINUTE, equity: 99_200 + 990 },
    ])
    expect(curve[0].equity).toBe(
      dayStartEquity({ startingCash: 100_000, fills, dayStart, previousClose }),
    )
  })

  it('starts at the run’s start, at the starting cash, for a run that began today', () => {
    const runStart = dayStart + 60 * MINUTE
    const curve = buildDayEquityCurve({
      startingCash: 100_000,
      runStart,
      dayStart,
      fills: [buy(runStart + MINUTE, 'AAPL', 10, 100, 99_000)],
      closes: { AAPL: [{ at: runStart + 2 * MINUTE, close: 101 }] },
      previousClose: () => 95,
      until: runStart + 2 * MINUTE,
    })
    expect(curve).toEqual([
      { at: runStart, equity: 100_000 },
      { at: runStart + MINUTE, equity: 100_000 },
      { at: runStart + 2 * MINUTE, equity: 100_010 },
    ])
  })

  it('values a holding without a previous close at its last fill', () => {
    const curve = buildDayEquityCurve({
      startingCash: 100_000,
      runStart: dayStart - 86_400_000,
      dayStart,
      fills: [buy(dayStart - 60 * MINUTE, 'AAPL', 10, 100, 99_000)],
      closes: {},
      previousClose: () => undefined,
      until: dayStart + MINUTE,
    })
    expect(curve).toEqual([{ at: dayStart, equity: 100_000 }])
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
      fc.property(
        fc.integer({ min: 3, max: 2_000 }),
        fc.integer({ min: 3, max: 300 }),
        (n, max) => {
          const points = Array.from({ length: n }, (_, index) => ({
            at: index * 1_000,
            equity: index,
          }))
          const kept = downsample(points, max)
          expect(kept.length).toBeLessThanOrEqual(max)
          expect(kept[0]).toEqual(points[0])
          expect(kept.at(-1)).toEqual(points.at(-1))
          for (let i = 1; i < kept.length; i += 1)
            expect(kept[i].at).toBeGreaterThan(kept[i - 1].at)
        },
      ),
    )
  })
})
