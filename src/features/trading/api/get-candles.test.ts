import { describe, expect, it } from 'vitest'
import type { Candle } from '@/lib/models'
import { rangeQuery, weekCandles } from './get-candles'

const DAY_MS = 86_400_000
/** Daily candles a range shows, today's included: days from `since` to today's bucket. */
const candles = (range: Parameters<typeof rangeQuery>[0], now: string) => {
  const today = Date.parse(now.slice(0, 10))
  return (today - Date.parse(rangeQuery(range, new Date(now)).since)) / DAY_MS + 1
}

describe('rangeQuery', () => {
  it('1D asks for the 1-minute candles of the current UTC day', () => {
    expect(rangeQuery('1D', new Date('2026-11-22T23:59:00Z'))).toEqual({
      interval: '1m',
      since: '2026-11-22T00:00:00.000Z',
    })
  })

  it('1W is seven daily candles: the six days before today and today', () => {
    expect(rangeQuery('1W', new Date('2026-11-22T10:00:00Z'))).toEqual({
      interval: '1d',
      since: '2026-11-16T00:00:00.000Z',
    })
    expect(candles('1W', '2026-03-02T10:00:00Z')).toBe(7)
  })

  it('1M starts the day after the same date a month before', () => {
    expect(rangeQuery('1M', new Date('2026-11-22T10:00:00Z')).since).toBe(
      '2026-10-23T00:00:00.000Z',
    )
    expect(rangeQuery('1M', new Date('2026-01-15T10:00:00Z')).since).toBe(
      '2025-12-16T00:00:00.000Z',
    )
  })

  it('1M from the end of a long month clamps to the end of a short one', () => {
    // One month before 31 March is 28 February: the range is March, not 4 March onwards.
    expect(rangeQuery('1M', new Date('2026-03-31T10:00:00Z')).since).toBe(
      '2026-03-01T00:00:00.000Z',
    )
    expect(rangeQuery('1M', new Date('2028-03-31T10:00:00Z')).since).toBe(
      '2028-03-01T00:00:00.000Z',
    )
  })

  it('1Y is a year of daily candles, leap days included', () => {
    expect(rangeQuery('1Y', new Date('2026-11-22T10:00:00Z')).since).toBe(
      '2025-11-23T00:00:00.000Z',
    )
    expect(candles('1Y', '2026-11-22T10:00:00Z')).toBe(365)
    expect(candles('1Y', '2028-12-31T10:00:00Z')).toBe(366)
    expect(rangeQuery('1Y', new Date('2028-02-29T10:00:00Z')).since).toBe(
      '2027-03-01T00:00:00.000Z',
    )
  })
})

describe('weekCandles', () => {
  const candle = (interval: Candle['interval'], bucket: string): Candle => ({
    symbol: 'KO',
    interval,
    bucket,
    open: 1,
    high: 1,
    low: 1,
    close: 1,
    volume: 1,
  })
  const days = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19'].map((day) =>
    candle('1d', `${day}T00:00:00+00:00`),
  )

  it("draws the hours there are after the days before the first hour's day", () => {
    const hours = [
      candle('1h', '2026-11-18T21:00:00+00:00'),
      candle('1h', '2026-11-19T09:00:00+00:00'),
    ]
    expect(weekCandles(days, hours).map((c) => `${c.interval} ${c.bucket.slice(0, 13)}`)).toEqual([
      '1d 2026-11-16T00',
      '1d 2026-11-17T00',
      '1h 2026-11-18T21',
      '1h 2026-11-19T09',
    ])
  })

  it('is all hours once the minutes cover the week, and all days without minutes', () => {
    const hours = [candle('1h', '2026-11-16T00:00:00+00:00')]
    expect(weekCandles(days, hours)).toEqual(hours)
    expect(weekCandles(days, [])).toEqual(days)
  })
})
