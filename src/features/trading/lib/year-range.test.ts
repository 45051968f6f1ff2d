import type { Candle } from '@/lib/models'
import { averageVolume, yearRange } from './year-range'

const day = (bucket: string, high: number, low: number): Candle => ({
  symbol: 'AAPL',
  interval: '1d',
  bucket,
  open: low,
  high,
  low,
  close: high,
  volume: 1,
})

describe('yearRange', () => {
  it("spans the year's daily candles and today's live range", () => {
    const daily = [day('2026-03-02', 190, 170), day('2026-08-10', 280, 260)]
    expect(yearRange(daily, { high: 230, low: 225 })).toEqual({ high: 280, low: 170 })
    // a new high today counts before today's candle exists
    expect(yearRange(daily, { high: 290, low: 165 })).toEqual({ high: 290, low: 165 })
  })

  it('is unknown until the candles have loaded', () => {
    expect(yearRange(undefined, { high: 1, low: 1 })).toBeUndefined()
  })
})

describe('averageVolume', () => {
  const volumeDay = (n: number, volume: number): Candle => ({
    ...day(`2026-10-${String(n).padStart(2, '0')}`, 1, 1),
    volume,
  })

  it('averages the last 30 daily candles only', () => {
    // 10 old days of 1,000,000 shares, then 30 of 2,000 and 4,000 alternately.
    const daily = [
      ...Array.from({ length: 10 }, (_, i) => volumeDay(i + 1, 1_000_000)),
      ...Array.from({ length: 30 }, (_, i) => volumeDay(i + 1, i % 2 ? 4_000 : 2_000)),
    ]
    expect(averageVolume(daily)).toBe(3_000)
    expect(averageVolume(daily.slice(0, 12), 30)).toBeCloseTo((10_000_000 + 6_000) / 12)
  })

  it('is unknown until there are candles, so the stock figure stands in', () => {
    expect(averageVolume(undefined)).toBeUndefined()
    expect(averageVolume([])).toBeUndefined()
  })
})
