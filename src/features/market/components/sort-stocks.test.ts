import type { Stock } from '@/lib/models'
import type { QuoteState } from '@/lib/price-store'
import { filterAndSort } from './sort-stocks'

function stock(symbol: string, name: string, sector: string, price: number): Stock {
  return {
    symbol,
    name,
    sector,
    exchange: 'NASDAQ',
    currency: 'USD',
    price,
    previous_close: 100,
    day_open: 100,
    day_high: price,
    day_low: price,
    volume: 1,
    average_volume: 1,
    updated_at: '2026-01-01T00:00:00Z',
  }
}

const stocks = [
  stock('AAPL', 'Apple Inc.', 'Technology', 110),
  stock('JPM', 'JPMorgan Chase', 'Financials', 95),
  stock('MSFT', 'Microsoft', 'Technology', 101),
]

describe('filterAndSort', () => {
  it('searches symbol and name, case-insensitively', () => {
    const none = new Map<string, QuoteState>()
    const sort = { key: 'symbol', direction: 'asc' } as const
    expect(
      filterAndSort(stocks, none, { search: 'micro', sector: '', sort }).map((s) => s.symbol),
    ).toEqual(['MSFT'])
    expect(
      filterAndSort(stocks, none, { search: 'jp', sector: '', sort }).map((s) => s.symbol),
    ).toEqual(['JPM'])
    expect(
      filterAndSort(stocks, none, { search: '', sector: 'Technology', sort }).map((s) => s.symbol),
    ).toEqual(['AAPL', 'MSFT'])
  })

  it('sorts live columns by the latest quote', () => {
    const quotes = new Map<string, QuoteState>([
      [
        'JPM',
        {
          symbol: 'JPM',
          price: 130,
          previous_close: 100,
          day_high: 130,
          day_low: 90,
          volume: 5,
          previousPrice: 95,
          direction: 'up',
          changeSeq: 1,
          asOf: 1,
        },
      ],
    ])
    const byChange = filterAndSort(stocks, quotes, {
      search: '',
      sector: '',
      sort: { key: 'changePct', direction: 'desc' },
    })
    expect(byChange.map((s) => s.symbol)).toEqual(['JPM', 'AAPL', 'MSFT'])
  })

  it('sorts tickers in the order localeCompare gives them, either way', () => {
    const tickers = ['BRKA', 'BRK.B', 'A', 'AA', 'A1', 'BRK.A', 'Z9', 'B', 'ZZ']
    const listed = tickers.map((symbol) => stock(symbol, symbol, 'Financials', 100))
    const sorted = (direction: 'asc' | 'desc') =>
      filterAndSort(listed, new Map(), {
        search: '',
        sector: '',
        sort: { key: 'symbol', direction },
      }).map((s) => s.symbol)
    const byLocale = [...tickers].sort((a, b) => a.localeCompare(b, 'en-US'))
    expect(sorted('asc')).toEqual(byLocale)
    expect(sorted('asc')).toEqual(['A', 'A1', 'AA', 'B', 'BRK.A', 'BRK.B', 'BRKA', 'Z9', 'ZZ'])
    expect(sorted('desc')).toEqual([...byLocale].reverse())
  })
})
