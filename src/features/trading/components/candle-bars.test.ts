import type { UTCTimestamp } from 'lightweight-charts'
import type { QuoteState } from '@/lib/price-store'
import { liveBar, toBar } from './candle-bars'

const quote = (price: number, volume = 1): QuoteState => ({
  symbol: 'AAPL',
  price,
  previous_close: 100,
  day_high: 120,
  day_low: 90,
  volume,
  previousPrice: null,
  direction: 'flat',
  changeSeq: 0,
  asOf: 0,
})

describe('candle bars', () => {
  const minute = Date.parse('2026-01-05T15:04:00Z')

  it('converts candles to chart bars in UTC seconds', () => {
    expect(
      toBar({
        symbol: 'AAPL',
        interval: '1m',
        bucket: '2026-01-05T15:04:00Z',
        open: 1,
        high: 2,
        low: 0.5,
        close: 1.5,
        volume: 3,
      }),
    ).toEqual({ time: minute / 1000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 3 })
  })

  it('extends the current minute and opens a new one at the previous close', () => {
    const last = {
      time: (minute / 1000) as UTCTimestamp,
      open: 100,
      high: 101,
      low: 99,
      close: 100,
      volume: 500,
    }
    // the day's volume grew from 10,000 to 10,250 since the previous quote: 250 more this minute
    expect(liveBar(last, quote(103, 10_250), true, 0, minute + 30_000, 10_000)).toEqual({
      ...last,
      high: 103,
      close: 103,
      volume: 750,
    })
    expect(liveBar(last, quote(98, 10_400), true, 0, minute + 60_000, 10_250)).toEqual({
      time: minute / 1000 + 60,
      open: 100,
      high: 100,
      low: 98,
      close: 98,
      volume: 150,
    })
  })

  it('adds no volume before a first quote to compare with, and restarts with a new day', () => {
    const last = {
      time: (minute / 1000) as UTCTimestamp,
      open: 1,
      high: 1,
      low: 1,
      close: 1,
      volume: 40,
    }
    expect(liveBar(last, quote(1, 9_000), true, 0, minute + 1_000).volume).toBe(40)
    // the day rolled over: the day's volume restarted below the previous quote's
    expect(liveBar(last, quote(1, 30), true, 0, minute + 2_000, 9_000).volume).toBe(70)
  })

  it("builds today's daily bar from the day's stats", () => {
    expect(liveBar(undefined, quote(105), false, 101, minute)).toEqual({
      time: Date.parse('2026-01-05T00:00:00Z') / 1000,
      open: 101,
      high: 120,
      low: 90,
      close: 105,
      volume: 1,
    })
  })
})
