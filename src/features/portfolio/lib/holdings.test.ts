import { allocationSlices, summarizeAccount, valueHolding } from './holdings'

const position = { symbol: 'AAPL', quantity: 10, averageCost: 100, realizedPnl: 25 }

describe('valueHolding', () => {
  it('computes market value and unrealized P&L at the live price', () => {
    const holding = valueHolding(position, 110)
    expect(holding.marketValue).toBe(1_100)
    expect(holding.costBasis).toBe(1_000)
    expect(holding.unrealizedPnl).toBe(100)
    expect(holding.unrealizedPnlPct).toBeCloseTo(0.1)
    expect(holding.realizedPnl).toBe(25)
  })

  it('values at cost without a quote instead of inventing a loss', () => {
    const holding = valueHolding(position, undefined)
    expect(holding.marketValue).toBe(1_000)
    expect(holding.unrealizedPnl).toBe(0)
  })

  it('has no percentage for a zero cost basis', () => {
    expect(valueHolding({ ...position, averageCost: 0 }, 5).unrealizedPnlPct).toBeNull()
  })
})

describe('summarizeAccount', () => {
  it('adds cash and market value, and compares equity with the starting cash', () => {
    const summary = summarizeAccount({
      cash: 99_000,
      startingCash: 100_000,
      buyingPower: 98_500,
      holdings: [valueHolding(position, 110)],
    })
    expect(summary.equity).toBe(100_100)
    expect(summary.buyingPower).toBe(98_500)
    expect(summary.totalReturn).toBe(100)
    expect(summary.totalReturnPct).toBeCloseTo(0.001)
    expect(summary.realizedPnl).toBe(25)
  })
})

describe('allocationSlices', () => {
  it('includes cash, sorts by value and sums to one', () => {
    const slices = allocationSlices(
      [
        valueHolding(position, 100),
        valueHolding({ ...position, symbol: 'MSFT', quantity: 30 }, 100),
      ],
      1_000,
    )
    expect(slices.map((slice) => slice.label)).toEqual(['MSFT', 'AAPL', 'Cash'])
    expect(slices.reduce((sum, slice) => sum + slice.share, 0)).toBeCloseTo(1)
  })

  it('is empty when there is nothing to allocate', () => {
    expect(allocationSlices([], 0)).toEqual([])
  })
})
