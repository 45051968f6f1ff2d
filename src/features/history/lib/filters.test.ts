import { dateRange, historySearchParams, parseHistoryFilters } from './filters'

describe('parseHistoryFilters', () => {
  it('reads every filter from the URL', () => {
    const filters = parseHistoryFilters(
      new URLSearchParams('view=orders&symbol=aapl&side=sell&from=2026-01-02&to=2026-01-31&page=3'),
    )
    expect(filters).toEqual({
      view: 'orders',
      symbol: 'AAPL',
      side: 'sell',
      from: '2026-01-02',
      to: '2026-01-31',
      page: 3,
    })
  })

  it('falls back to no filter for malformed values', () => {
    const filters = parseHistoryFilters(
      new URLSearchParams('view=x&symbol=%3Cscript%3E&side=hold&from=yesterday&page=-2'),
    )
    expect(filters).toEqual({ view: 'fills', page: 1 })
  })

  it('round-trips through search params', () => {
    const filters = parseHistoryFilters(new URLSearchParams('symbol=MSFT&side=buy&page=2'))
    expect(parseHistoryFilters(historySearchParams(filters))).toEqual(filters)
    expect(historySearchParams(filters).toString()).toBe('symbol=MSFT&side=buy&page=2')
  })
})

describe('dateRange', () => {
  it('covers whole local days, the end day included', () => {
    const range = dateRange({ from: '2026-03-01', to: '2026-03-01' })
    const from = new Date(range.fromIso ?? '')
    const to = new Date(range.toIsoExclusive ?? '')
    expect(from.getDate()).toBe(1)
    expect(from.getHours()).toBe(0)
    expect(to.getDate()).toBe(2)
    expect(to.getHours()).toBe(0)
  })

  it('is open-ended without dates', () => {
    expect(dateRange({})).toEqual({})
  })
})
