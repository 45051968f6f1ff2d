import { TickMarkType } from 'lightweight-charts'
import type {
  AutoscaleInfo,
  CandlestickData,
  Time,
  UTCTimestamp,
  WhitespaceData,
} from 'lightweight-charts'
import type { Candle } from '@/lib/models'
import { formatDateTime, formatTime } from '@/lib/format'
import type { QuoteState } from '@/lib/price-store'

/** A candle as the chart draws it, with the shares traded in it (the volume bars). */
export interface Bar extends CandlestickData<UTCTimestamp> {
  volume: number
}

/**
 * What a bar at the live end of a chart spans: 1D's minutes, 1W's hours (when the week has
 * intraday candles) or a day.
 */
export type Resolution = 'minute' | 'hour' | 'day'

export const BAR_SECONDS: Record<Resolution, number> = {
  minute: 60,
  hour: 3_600,
  day: 86_400,
}

export function toBar(candle: Candle): Bar {
  return {
    time: Math.floor(Date.parse(candle.bucket) / 1000) as UTCTimestamp,
    open: candle.open,
    high: candle.high,
    low: candle.low,
    close: candle.close,
    volume: candle.volume,
  }
}

/**
 * The bar a live quote makes: for intraday resolutions, the current minute or hour (extending
 * the last candle when it is the same one); for daily ranges, today's candle from the day's
 * open/high/low. Volume: a daily bar has the day's volume; an intraday bar grows by what the
 * day's volume grew since the previous quote (`previousVolume`; none yet, or a new day's reset,
 * adds nothing and the quote's own volume respectively).
 */
export function liveBar(
  last: Bar | undefined,
  quote: QuoteState,
  resolution: Resolution,
  dayOpen: number,
  now = Date.now(),
  previousVolume?: number,
): Bar {
  const bucketMs = BAR_SECONDS[resolution] * 1000
  const time = (Math.floor(now / bucketMs) * bucketMs) / 1000
  if (resolution === 'day') {
    return {
      time: time as UTCTimestamp,
      open: dayOpen,
      high: quote.day_high,
      low: quote.day_low,
      close: quote.price,
      volume: quote.volume,
    }
  }
  const traded =
    previousVolume === undefined
      ? 0
      : quote.volume >= previousVolume
        ? quote.volume - previousVolume
        : quote.volume
  if (last && last.time === time) {
    return {
      ...last,
      high: Math.max(last.high, quote.price),
      low: Math.min(last.low, quote.price),
      close: quote.price,
      volume: last.volume + traded,
    }
  }
  const open = last?.close ?? quote.price
  return {
    time: time as UTCTimestamp,
    open,
    high: Math.max(open, quote.price),
    low: Math.min(open, quote.price),
    close: quote.price,
    volume: traded,
  }
}

/** The most time points a chart gets: a whole day of 1-minute candles. */
export const MAX_POINTS = 1440

export type Gap = WhitespaceData<UTCTimestamp>

/**
 * The times strictly between `from` and `to`, `step` seconds apart, where a candle is missing
 * (the market clock was stopped); at most `max` of them.
 */
export function gapTimes(from: number, to: number, step: number, max = MAX_POINTS): Gap[] {
  const gaps: Gap[] = []
  for (let time = from + step; time < to && gaps.length < max; time += step)
    gaps.push({ time: time as UTCTimestamp })
  return gaps
}

/**
 * The bars with a whitespace point (a time and no values) for each missing `step`: the chart
 * spaces its time points evenly, so without them 11:40 would sit next to 19:10. Bars are in
 * time order. When filling would pass `max` points the bars are returned as they are, so a
 * chart never draws more than a day of minutes (1D and the daily ranges stay well under it).
 */
export function withGaps(bars: readonly Bar[], step: number, max = MAX_POINTS): (Bar | Gap)[] {
  if (bars.length < 2 || (bars[bars.length - 1].time - bars[0].time) / step + 1 > max)
    return [...bars]
  const points: (Bar | Gap)[] = [bars[0]]
  for (let i = 1; i < bars.length; i++) {
    points.push(...gapTimes(bars[i - 1].time, bars[i].time, step), bars[i])
  }
  return points
}

// A daily candle stands for a UTC trading day (the market's day runs from 00:00 UTC), so its date
// is said in UTC; an intraday minute or hour is said in the user's own time, as the tables say
// times.
const candleDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })
// For times already moved into the user's time (TimeAxis.place): read back as UTC.
const placedDateTime = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
})
const placedTime = new Intl.DateTimeFormat('en-US', { timeStyle: 'short', timeZone: 'UTC' })

/**
 * Where a chart draws its bars and how it says their times. The library knows only UTC: it
 * puts its day labels at UTC midnights and prints UTC.
 * - Daily bars are UTC days: drawn where they are, their dates the library's own labels, and
 *   "Nov 19, 2026" under the crosshair.
 * - 1D's minutes, within one UTC day: drawn where they are, every label in the user's time
 *   ("9:05 AM"; the axis needs no date).
 * - 1W's hours span days, whose labels should fall on the user's midnights: they are drawn
 *   moved by the user's UTC offset (the library's documented way to show local time), so its
 *   labels read the user's dates and times. The days before the first hour (`hourlyFrom`, a
 *   UTC time) stay daily bars; one offset for the whole chart, so no two hours can collide
 *   at a daylight-saving change.
 */
export interface TimeAxis {
  /** A bar's UTC time, in seconds, as the chart draws it. */
  place(time: number): UTCTimestamp
  /** The crosshair's label for a drawn time. */
  crosshair(time: Time): string
  /** An axis label for a drawn time; null leaves it to the library. */
  tick(time: Time, type: TickMarkType): string | null
  /**
   * The bars as the chart draws them, placed, with a whitespace point for each missing bar of
   * their own length (withGaps): days between daily bars, hours between hours.
   */
  points(bars: readonly Bar[]): (Bar | Gap)[]
}

/** The user's UTC offset now, in seconds (east positive: +3600 in Paris in winter). */
export function localOffsetSeconds(now = new Date()): number {
  return -now.getTimezoneOffset() * 60
}

export function timeAxis(
  resolution: Resolution,
  { hourlyFrom = Infinity, offsetSeconds = localOffsetSeconds() } = {},
): TimeAxis {
  const at = (time: Time) => (typeof time === 'number' ? time * 1000 : NaN)
  const dailyLabel = (time: Time) =>
    typeof time === 'number' ? candleDate.format(at(time)) : String(time)
  const whereTheyAre = (bars: readonly Bar[]) => withGaps(bars, BAR_SECONDS[resolution])
  if (resolution === 'minute') {
    return {
      place: (time) => time as UTCTimestamp,
      crosshair: (time) => (typeof time === 'number' ? formatDateTime(at(time)) : String(time)),
      tick: (time) => (typeof time === 'number' ? formatTime(at(time)) : null),
      points: whereTheyAre,
    }
  }
  if (resolution === 'day') {
    return {
      place: (time) => time as UTCTimestamp,
      crosshair: dailyLabel,
      tick: () => null,
      points: whereTheyAre,
    }
  }
  const place = (time: number) => (time >= hourlyFrom ? time + offsetSeconds : time) as UTCTimestamp
  const hourly = (time: Time) => typeof time === 'number' && time >= hourlyFrom + offsetSeconds
  return {
    place,
    crosshair: (time) => (hourly(time) ? placedDateTime.format(at(time)) : dailyLabel(time)),
    tick: (time, type) =>
      hourly(time) && type === TickMarkType.Time ? placedTime.format(at(time)) : null,
    points: (bars) => {
      const days = bars.filter((bar) => bar.time < hourlyFrom)
      return [
        ...withGaps(days, BAR_SECONDS.day),
        ...withGaps(bars.slice(days.length), BAR_SECONDS.hour),
      ].map((point) => ({ ...point, time: place(point.time) }))
    },
  }
}

/**
 * The price range a chart scales to, widened to take in `price` (the previous close on 1D), so
 * the line the day is measured from is always in view. Null in, null out: no data, no range.
 */
export function rangeWith(
  info: AutoscaleInfo | null,
  price: number | undefined,
): AutoscaleInfo | null {
  if (!info?.priceRange || price === undefined || !Number.isFinite(price)) return info
  const { minValue, maxValue } = info.priceRange
  return {
    ...info,
    priceRange: { minValue: Math.min(minValue, price), maxValue: Math.max(maxValue, price) },
  }
}

/** A fill of the user's, as the chart marks it. */
export interface Trade {
  /** When it filled, epoch ms. */
  at: number
  side: 'buy' | 'sell'
  quantity: number
}

/** The user's buys or sells in one bar: one mark on the chart, however many fills. */
export interface TradeMark {
  /** The bar's UTC time, in seconds (unplaced). */
  time: number
  side: 'buy' | 'sell'
  quantity: number
  fills: number
}

/**
 * The bars the user traded in: each fill goes to the bar that spans its time (a minute, an hour
 * from `hourlyFrom` on, else a UTC day), and a bar's buys and its sells make one mark each.
 * Fills before the first bar are off the chart; fills after the last one are in the live bar,
 * which has the same span. Marks are in time order, a bar's buys before its sells.
 */
export function tradeMarks(
  trades: readonly Trade[],
  bars: readonly Bar[],
  resolution: Resolution,
  hourlyFrom = Infinity,
): TradeMark[] {
  const first = bars[0]?.time
  if (first === undefined) return []
  const marks = new Map<string, TradeMark>()
  for (const trade of trades) {
    const seconds = Math.floor(trade.at / 1000)
    const span =
      resolution === 'hour' && seconds < hourlyFrom ? BAR_SECONDS.day : BAR_SECONDS[resolution]
    const time = Math.floor(seconds / span) * span
    if (time < first) continue
    const key = `${time}:${trade.side}`
    const mark = marks.get(key)
    if (mark) {
      mark.quantity += trade.quantity
      mark.fills += 1
    } else {
      marks.set(key, { time, side: trade.side, quantity: trade.quantity, fills: 1 })
    }
  }
  return [...marks.values()].sort(
    (a, b) => a.time - b.time || (a.side === b.side ? 0 : a.side === 'buy' ? -1 : 1),
  )
}
