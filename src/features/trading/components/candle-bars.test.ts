import { TickMarkType } from 'lightweight-charts'
import type { UTCTimestamp } from 'lightweight-charts'
import type { QuoteState } from '@/lib/price-store'
import { gapTimes, liveBar, rangeWith, toBar, tradeMarks, withGaps } from './candle-bars'
import type { Bar } from './candle-bars'

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
  /** The bar on the chart when a quote comes in, starting at `ms`. */
  const lastBar = (ms: number): Bar => ({
    time: (ms / 1000) as UTCTimestamp,
    open: 100,
    high: 101,
    low: 99,
    close: 100,
    volume: 500,
  })

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
    const last = lastBar(minute)
    // the day's volume grew from 10,000 to 10,250 since the previous quote: 250 more this minute
    expect(liveBar(last, quote(103, 10_250), 'minute', 0, minute + 30_000, 10_000)).toEqual({
      ...last,
      high: 103,
      close: 103,
      volume: 750,
    })
    expect(liveBar(last, quote(98, 10_400), 'minute', 0, minute + 60_000, 10_250)).toEqual({
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
    expect(liveBar(last, quote(1, 9_000), 'minute', 0, minute + 1_000).volume).toBe(40)
    // the day rolled over: the day's volume restarted below the previous quote's
    expect(liveBar(last, quote(1, 30), 'minute', 0, minute + 2_000, 9_000).volume).toBe(70)
  })

  it('extends the current hour on 1W, and opens the next one at the previous close', () => {
    const hour = Date.parse('2026-01-05T15:00:00Z')
    const last = lastBar(hour)
    // 59 minutes into the hour: still that hour's bar
    expect(liveBar(last, quote(102, 1_100), 'hour', 0, hour + 59 * 60_000, 1_000)).toEqual({
      ...last,
      high: 102,
      close: 102,
      volume: 600,
    })
    expect(liveBar(last, quote(97, 1_200), 'hour', 0, hour + 60 * 60_000, 1_100)).toEqual({
      time: hour / 1000 + 3600,
      open: 100,
      high: 100,
      low: 97,
      close: 97,
      volume: 100,
    })
  })

  it("builds today's daily bar from the day's stats", () => {
    expect(liveBar(undefined, quote(105), 'day', 101, minute)).toEqual({
      time: Date.parse('2026-01-05T00:00:00Z') / 1000,
      open: 101,
      high: 120,
      low: 90,
      close: 105,
      volume: 1,
    })
  })

  describe('gaps', () => {
    const start = minute / 1000
    const bar = (time: number): Bar => ({
      time: time as UTCTimestamp,
      open: 1,
      high: 1,
      low: 1,
      close: 1,
      volume: 1,
    })

    it('puts a whitespace point at each missing minute, and nothing between neighbours', () => {
      const bars = [bar(start), bar(start + 60), bar(start + 240), bar(start + 300)]
      expect(withGaps(bars, 60)).toEqual([
        bars[0],
        bars[1],
        { time: start + 120 },
        { time: start + 180 },
        bars[2],
        bars[3],
      ])
      expect(withGaps([bar(start)], 60)).toEqual([bar(start)])
      expect(withGaps([], 60)).toEqual([])
    })

    it('fills missing days in the daily ranges', () => {
      const day = 86_400
      expect(withGaps([bar(0), bar(3 * day)], day)).toEqual([
        bar(0),
        { time: day },
        { time: 2 * day },
        bar(3 * day),
      ])
    })

    it('fills a whole stopped day within 1440 points, and leaves a longer span as it is', () => {
      // 00:00 and 23:59: the day's 1438 missing minutes make exactly 1440 points
      const day = [bar(start), bar(start + 1439 * 60)]
      expect(withGaps(day, 60)).toHaveLength(1440)
      const longer = [bar(start), bar(start + 1440 * 60)]
      expect(withGaps(longer, 60)).toEqual(longer)
    })

    it('lists the times between two bars for a live bar after a pause, capped', () => {
      expect(gapTimes(start, start + 180, 60)).toEqual([
        { time: start + 60 },
        { time: start + 120 },
      ])
      expect(gapTimes(start, start + 60, 60)).toEqual([])
      expect(gapTimes(start, start + 60 * 10_000, 60)).toHaveLength(1440)
    })
  })
})

describe('timeAxis', () => {
  const zone = process.env.TZ
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ
    else process.env.TZ = zone
    vi.resetModules()
  })

  /** A fresh copy of the module in New York: formatters take the zone when their module loads. */
  async function inNewYork() {
    process.env.TZ = 'America/New_York'
    vi.resetModules()
    return import('./candle-bars')
  }

  const bar = (iso: string, close = 1): Bar => ({
    time: (Date.parse(iso) / 1000) as UTCTimestamp,
    open: close,
    high: close,
    low: close,
    close,
    volume: 1,
  })

  it("says a minute in the user's time, as the tables do, and a daily candle by its UTC day", async () => {
    const { timeAxis } = await inNewYork()
    const minute = (Date.UTC(2026, 10, 19, 14, 5) / 1000) as UTCTimestamp
    expect(timeAxis('minute').crosshair(minute)).toBe('Nov 19, 2026, 9:05 AM')
    expect(timeAxis('minute').tick(minute, TickMarkType.Time)).toBe('9:05 AM')
    expect(timeAxis('minute').place(minute)).toBe(minute)
    // 00:00 UTC on Nov 5 is the evening of Nov 4 in New York, but that candle is Nov 5's.
    const day = (Date.UTC(2026, 10, 5) / 1000) as UTCTimestamp
    expect(timeAxis('day').crosshair(day)).toBe('Nov 5, 2026')
    expect(timeAxis('minute').crosshair(day)).toBe('Nov 4, 2026, 7:00 PM')
    // Daily axis labels stay the library's (UTC dates).
    expect(timeAxis('day').tick(day, TickMarkType.DayOfMonth)).toBeNull()
    expect(timeAxis('day').place(day)).toBe(day)
  })

  it("places 1W's hours on the user's clock and leaves the days before them where they are", async () => {
    const { timeAxis, localOffsetSeconds } = await inNewYork()
    const hourlyFrom = Date.UTC(2026, 10, 19, 14) / 1000
    const offsetSeconds = localOffsetSeconds(new Date(hourlyFrom * 1000))
    expect(offsetSeconds).toBe(-5 * 3600)
    const axis = timeAxis('hour', { hourlyFrom, offsetSeconds })
    const day = Date.UTC(2026, 10, 18) / 1000
    expect(axis.place(day)).toBe(day)
    // 14:00 UTC is 9 AM in New York: drawn at 09:00 "UTC", where the library labels 9 AM
    const placed = axis.place(hourlyFrom)
    expect(placed).toBe(hourlyFrom - 5 * 3600)
    expect(axis.crosshair(placed)).toBe('Nov 19, 2026, 9:00 AM')
    expect(axis.tick(placed, TickMarkType.Time)).toBe('9:00 AM')
    // a day label (the user's midnight) is the library's, as is every label of the days
    expect(axis.tick(placed, TickMarkType.DayOfMonth)).toBeNull()
    expect(axis.crosshair(day as UTCTimestamp)).toBe('Nov 18, 2026')
    expect(axis.tick(day as UTCTimestamp, TickMarkType.Time)).toBeNull()
  })

  it('draws the days with day gaps, then the hours with hour gaps, in order', async () => {
    const { timeAxis } = await inNewYork()
    const hours = [bar('2026-11-19T14:00:00Z', 3), bar('2026-11-19T16:00:00Z', 4)]
    const days = [bar('2026-11-16T00:00:00Z', 1), bar('2026-11-18T00:00:00Z', 2)]
    const axis = timeAxis('hour', { hourlyFrom: hours[0].time, offsetSeconds: -5 * 3600 })
    const points = axis.points([...days, ...hours])
    expect(points.map((point) => new Date(point.time * 1000).toISOString())).toEqual([
      '2026-11-16T00:00:00.000Z',
      '2026-11-17T00:00:00.000Z',
      '2026-11-18T00:00:00.000Z',
      '2026-11-19T09:00:00.000Z',
      '2026-11-19T10:00:00.000Z',
      '2026-11-19T11:00:00.000Z',
    ])
    expect(points.map((point) => ('close' in point ? point.close : null))).toEqual([
      1,
      null,
      2,
      3,
      null,
      4,
    ])
    // a zone east of UTC moves the hours later, still after the days
    const east = timeAxis('hour', { hourlyFrom: hours[0].time, offsetSeconds: 9 * 3600 })
    const times = east.points([...days, ...hours]).map((point) => point.time)
    expect(times).toEqual([...times].sort((a, b) => a - b))
  })
})

describe('rangeWith', () => {
  const info = { priceRange: { minValue: 100, maxValue: 110 }, margins: { above: 4, below: 4 } }

  it('widens the range to take in the baseline, keeping the margins', () => {
    expect(rangeWith(info, 95)).toEqual({ ...info, priceRange: { minValue: 95, maxValue: 110 } })
    expect(rangeWith(info, 120)).toEqual({
      ...info,
      priceRange: { minValue: 100, maxValue: 120 },
    })
    expect(rangeWith(info, 105)).toEqual(info)
  })

  it('leaves the range alone without a baseline or without data', () => {
    expect(rangeWith(info, undefined)).toBe(info)
    expect(rangeWith(info, Number.NaN)).toBe(info)
    expect(rangeWith(null, 100)).toBeNull()
    expect(rangeWith({ priceRange: null }, 100)).toEqual({ priceRange: null })
  })
})

describe('tradeMarks', () => {
  const at = (iso: string) => Date.parse(iso)
  const seconds = (iso: string) => at(iso) / 1000
  const barAt = (iso: string): Bar => ({
    time: seconds(iso) as UTCTimestamp,
    open: 1,
    high: 1,
    low: 1,
    close: 1,
    volume: 1,
  })

  it("puts each fill in its minute's bar, a bar's buys and sells in one mark each", () => {
    const bars = [barAt('2026-01-05T15:04:00Z'), barAt('2026-01-05T15:05:00Z')]
    const marks = tradeMarks(
      [
        { at: at('2026-01-05T15:04:10Z'), side: 'buy', quantity: 2 },
        { at: at('2026-01-05T15:04:50Z'), side: 'sell', quantity: 0.5 },
        { at: at('2026-01-05T15:04:30Z'), side: 'buy', quantity: 1.25 },
        // after the last bar: the live bar's minute
        { at: at('2026-01-05T15:06:01Z'), side: 'sell', quantity: 1 },
      ],
      bars,
      'minute',
    )
    expect(marks).toEqual([
      { time: seconds('2026-01-05T15:04:00Z'), side: 'buy', quantity: 3.25, fills: 2 },
      { time: seconds('2026-01-05T15:04:00Z'), side: 'sell', quantity: 0.5, fills: 1 },
      { time: seconds('2026-01-05T15:06:00Z'), side: 'sell', quantity: 1, fills: 1 },
    ])
  })

  it('leaves out fills before the first bar, and marks nothing on an empty chart', () => {
    const trade = { at: at('2026-01-05T15:03:59Z'), side: 'buy' as const, quantity: 1 }
    expect(tradeMarks([trade], [barAt('2026-01-05T15:04:00Z')], 'minute')).toEqual([])
    expect(tradeMarks([trade], [], 'minute')).toEqual([])
  })

  it("uses UTC days on the daily ranges, and 1W's days before its hours", () => {
    const buy = { at: at('2026-01-05T15:04:10Z'), side: 'buy' as const, quantity: 1 }
    const sell = { at: at('2026-01-07T09:30:00Z'), side: 'sell' as const, quantity: 1 }
    expect(tradeMarks([buy, sell], [barAt('2026-01-01T00:00:00Z')], 'day')).toEqual([
      { time: seconds('2026-01-05T00:00:00Z'), side: 'buy', quantity: 1, fills: 1 },
      { time: seconds('2026-01-07T00:00:00Z'), side: 'sell', quantity: 1, fills: 1 },
    ])
    const hourlyFrom = seconds('2026-01-07T00:00:00Z')
    const week = [barAt('2026-01-02T00:00:00Z'), barAt('2026-01-07T00:00:00Z')]
    expect(tradeMarks([buy, sell], week, 'hour', hourlyFrom)).toEqual([
      { time: seconds('2026-01-05T00:00:00Z'), side: 'buy', quantity: 1, fills: 1 },
      { time: seconds('2026-01-07T09:00:00Z'), side: 'sell', quantity: 1, fills: 1 },
    ])
  })
})
