import { marketSearchParams, parseMarketView, validSector } from './market-params'

const parse = (search: string) => parseMarketView(new URLSearchParams(search))

describe('market URL parameters', () => {
  it('round-trips a view, and writes nothing for the default one', () => {
    const view = parse('q=app&sector=Technology&sort=price&dir=desc')
    expect(view).toEqual({
      search: 'app',
      sector: 'Technology',
      sort: { key: 'price', direction: 'desc' },
    })
    expect(marketSearchParams(view).toString()).toBe('q=app&sector=Technology&sort=price&dir=desc')
    expect(marketSearchParams(parse('')).toString()).toBe('')
    expect(marketSearchParams({ ...parse(''), search: '   ' }).toString()).toBe('')
  })

  it('falls back to the defaults for what it does not know', () => {
    expect(parse('sort=bogus&dir=sideways').sort).toEqual({ key: 'symbol', direction: 'asc' })
    expect(parse('sort=volume').sort).toEqual({ key: 'volume', direction: 'desc' })
    expect(parse('sort=name&dir=desc').sort).toEqual({ key: 'name', direction: 'desc' })
  })

  it('keeps a sector until the stocks are there to check it against', () => {
    expect(validSector('Nope', undefined)).toBe('Nope')
    expect(validSector('Nope', ['Technology'])).toBe('')
    expect(validSector('Technology', ['Technology'])).toBe('Technology')
  })
})
