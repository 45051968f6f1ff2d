import type { CandlestickData, UTCTimestamp } from 'lightweight-charts'
import type { Candle } from '@/lib/models'
import type { QuoteState } from '@/lib/price-store'

export type Bar = CandlestickData<UTCTimestamp>

export function toBar(candle: Candle): Bar {
  return {
    time: Math.floor(Date.parse(candle.bucket) / 1000) as UTCTimestamp,
    open: candle.open,
    high: candle.high,
    low: candle.low,
    close: candle.close,
  }
}

/**
 * The bar a live quote makes: for intraday, the current minute (extending the last candle when
 * it is the same minute); for daily ranges, today's candle from the day's open/high/low.
 */
export function liveBar(
  last: Bar | undefined,
  quote: QuoteState,
  intraday: boolean,
  dayOpen: number,
  now = Date.now(),
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
    }
  }
  if (last && last.time === time) {
    return {
      ...last,
      high: Math.max(last.high, quote.price),
      low: Math.min(last.low, quote.price),
      close: quote.price,
    }
  }
  const open = last?.close ?? quote.price
  return {
    time: time as UTCTimestamp,
    open,
    high: Math.max(open, quote.price),
    low: Math.min(open, quote.price),
    close: quote.price,
  }
}
