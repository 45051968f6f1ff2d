import type { CandlestickData, UTCTimestamp } from 'lightweight-charts'
import type { Candle } from '@/lib/models'
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
