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
 * The bar a live quote makes: for intraday, the current minute (extending the last candle when
 * it is the same minute); for daily ranges, today's candle from the day's open/high/low.
 * Volume: a daily bar has the day's volume; a minute bar grows by what the day's volume grew
 * since the previous quote (`previousVolume`; none yet, or a new day's reset, adds nothing
 * and the quote's own volume respectively).
 */
export function liveBar(
  last: Bar | undefined,
  quote: QuoteState,
  intraday: boolean,
  dayOpen: number,
  now = Date.now(),
  previousVolume?: number,
): Bar {
  const bucketMs = intraday ? 60_000 : 86_400_000
  const time = (Math.floor(now / bucketMs) * bucketMs) / 1000
  if (!intraday) {
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
// is said in UTC; an intraday minute is said in the user's own time, as the tables say times.
const candleDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })

/**
 * The crosshair's time label in the app's style: "Nov 19, 2026" for a daily candle (rather than
 * the library's "19 Nov '26"), "Nov 19, 2026, 9:05 AM" in the user's time for a minute.
 */
export function crosshairTime(time: Time, intraday: boolean): string {
  if (typeof time !== 'number') return String(time)
  return intraday ? formatDateTime(time * 1000) : candleDate.format(new Date(time * 1000))
}

/**
 * An intraday axis label in the user's time ("9:05 AM"); null leaves daily ranges to the
 * library, whose UTC dates are the candles' days. The 1D window is one UTC day, so its labels
 * need no date.
 */
export function axisTime(time: Time, intraday: boolean): string | null {
  return intraday && typeof time === 'number' ? formatTime(time * 1000) : null
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
