import { matchesFilter, parseFilter } from './filters.ts'

const types = new Map([
  ['id', 'int8'],
  ['price', 'numeric'],
  ['symbol', 'text'],
  ['user_id', 'uuid'],
  ['active', 'bool'],
  ['created_at', 'timestamptz'],
])
const row = {
  id: 42,
  price: 10.5,
  symbol: 'AAPL',
  user_id: 'A1B2C3D4-0000-4000-8000-000000000000',
  active: true,
  created_at: '2026-11-22T10:00:00+00:00',
  note: null,
}
const match = (filter: string) => matchesFilter(parseFilter(filter), row, types)

describe('postgres_changes filters', () => {
  it('compares by column type', () => {
    expect(match('id=eq.42')).toBe(true)
    expect(match('id=eq.042')).toBe(true)
    expect(match('price=gt.9.75')).toBe(true)
    expect(match('price=lt.9.75')).toBe(false)
    expect(match('price=gte.10.5')).toBe(true)
    expect(match('price=lte.10.4')).toBe(false)
    expect(match('user_id=eq.a1b2c3d4-0000-4000-8000-000000000000')).toBe(true)
    expect(match('active=eq.true')).toBe(true)
    expect(match('created_at=gt.2026-11-22 09:59:59Z')).toBe(true)
    expect(match('symbol=neq.MSFT')).toBe(true)
  })

  it('supports in lists with quoting, negation, is, like and several conditions', () => {
    expect(match('symbol=in.(MSFT,AAPL)')).toBe(true)
    expect(match('symbol=in.("A,B",MSFT)')).toBe(false)
    expect(match('id=in.(1,2,42)')).toBe(true)
    expect(match('symbol=not.eq.AAPL')).toBe(false)
    expect(match('note=is.null')).toBe(true)
    expect(match('symbol=like.AA*')).toBe(true)
    expect(match('symbol=ilike.aa%')).toBe(true)
    expect(match('id=eq.42,symbol=eq.AAPL')).toBe(true)
    expect(match('id=eq.42,symbol=eq.MSFT')).toBe(false)
  })

  it('treats a NULL comparison as no match, negated or not', () => {
    expect(match('note=eq.x')).toBe(false)
    expect(match('note=not.eq.x')).toBe(false)
    expect(match('note=isdistinct.x')).toBe(true)
  })

  it('rejects what it cannot parse', () => {
    expect(() => parseFilter('user_id')).toThrow()
    expect(() => parseFilter('id=between.1')).toThrow()
    expect(() => parseFilter('id=in.1,2')).toThrow()
  })
})
