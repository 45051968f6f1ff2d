import type { Candle } from '@/lib/models'
import { yearRange } from './year-range'

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
