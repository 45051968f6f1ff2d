import type { DayFill } from '@/lib/day-change'
import type { QuoteState } from '@/lib/price-store'
import type { Position } from './holdings'
import { DEFAULT_HOLDING_SORT, sortHoldings } from './sort-holdings'

const now = Date.UTC(2026, 10, 23, 15, 0)

function quote(symbol: string, price: number, previousClose: number): QuoteState {
  return {
    symbol,
    price,
    previous_close: previousClose,
    day_high: price,
    day_low: price,
    volume: 1,
    previousPrice: null,
    direction: 'flat',
    changeSeq: 0,
    asOf: now,
  }
}

const position = (symbol: string, quantity: number, averageCost: number, realizedPnl = 0) =>
  ({ symbol, quantity, averageCost, realizedPnl }) satisfies Position

// AAPL: 10 × $110 = $1,100, +$100 on cost, +$10 today (previous close $109)
// KO:   40 × $60 = $2,400, −$200 on cost, −$40 today (previous close $61), $25 realized
// MSFT:  2 × $400 = $800, +$0 on cost, +$20 today (previous close $390)
const positions = [position('MSFT', 2, 400), position('KO', 40, 65, 25), position('AAPL', 10, 100)]
const quotes = new Map([
  ['AAPL', quote('AAPL', 110, 109)],
  ['KO', quote('KO', 60, 61)],
  ['MSFT', quote('MSFT', 400, 390)],
])
// Each position bought yesterday: today's change is its quantity times the move since the close.
const yesterday = now - 24 * 60 * 60 * 1000
const boughtYesterday = (symbol: string): readonly DayFill[] => {
  const { quantity, averageCost } = positions.find((p) => p.symbol === symbol)!
  return [{ at: yesterday, side: 'buy', quantity, price: averageCost }]
}
const noFills = (): readonly DayFill[] => []
const order = (
  sort: Parameters<typeof sortHoldings>[1],
  fillsOf: Parameters<typeof sortHoldings>[3] = boughtYesterday,
) => sortHoldings(positions, sort, quotes, fillsOf).map((p) => p.symbol)

describe('sortHoldings', () => {
  it('lists the biggest positions first by default, at live prices', () => {
    expect(order(DEFAULT_HOLDING_SORT)).toEqual(['KO', 'AAPL', 'MSFT'])
  })

  it('sorts by any column, either way', () => {
    expect(order({ key: 'symbol', direction: 'asc' })).toEqual(['AAPL', 'KO', 'MSFT'])
    expect(order({ key: 'symbol', direction: 'desc' })).toEqual(['MSFT', 'KO', 'AAPL'])
    expect(order({ key: 'unrealizedPnl', direction: 'desc' })).toEqual(['AAPL', 'MSFT', 'KO'])
    expect(order({ key: 'unrealizedPnl', direction: 'asc' })).toEqual(['KO', 'MSFT', 'AAPL'])
    expect(order({ key: 'price', direction: 'desc' })).toEqual(['MSFT', 'AAPL', 'KO'])
    expect(order({ key: 'quantity', direction: 'asc' })).toEqual(['MSFT', 'AAPL', 'KO'])
    expect(order({ key: 'averageCost', direction: 'asc' })).toEqual(['KO', 'AAPL', 'MSFT'])
    expect(order({ key: 'realizedPnl', direction: 'desc' })).toEqual(['KO', 'AAPL', 'MSFT'])
    expect(order({ key: 'today', direction: 'desc' })).toEqual(['MSFT', 'AAPL', 'KO'])
  })

  it('puts rows with no value yet last, in symbol order, whichever the direction', () => {
    // today's change needs the fills, which are still loading
    const loading = () => undefined
    expect(order({ key: 'today', direction: 'desc' }, loading)).toEqual(['AAPL', 'KO', 'MSFT'])
    const someLoaded = (symbol: string) => (symbol === 'MSFT' ? undefined : boughtYesterday(symbol))
    expect(order({ key: 'today', direction: 'asc' }, someLoaded)).toEqual(['KO', 'AAPL', 'MSFT'])
    expect(order({ key: 'today', direction: 'desc' }, someLoaded)).toEqual(['AAPL', 'KO', 'MSFT'])
  })

  it('breaks ties by symbol', () => {
    const tied = [position('MSFT', 1, 100), position('AAPL', 1, 100)]
    const flat = new Map([
      ['AAPL', quote('AAPL', 100, 100)],
      ['MSFT', quote('MSFT', 100, 100)],
    ])
    const sorted = sortHoldings(tied, { key: 'marketValue', direction: 'desc' }, flat, noFills)
    expect(sorted.map((p) => p.symbol)).toEqual(['AAPL', 'MSFT'])
  })
})
