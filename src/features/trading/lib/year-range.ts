import type { Candle } from '@/lib/models'

/**
 * The 52-week high and low: the past year's daily candles and today's live range (the daily
 * candle of today is only written at the day's roll-over). Undefined until there is data.
 */
export function yearRange(
  daily: readonly Candle[] | undefined,
  today: { high: number; low: number },
): { high: number; low: number } | undefined {
  if (!daily) return undefined
  let high = today.high
  let low = today.low
  for (const candle of daily) {
    if (candle.high > high) high = candle.high
    if (candle.low < low) low = candle.low
  }
  return { high, low }
}

/**
 * Mean daily volume of the last `days` daily candles (the 1Y query already has them); undefined
 * until they load or when there are none, so the caller can fall back to the stock's figure.
 */
export function averageVolume(daily: readonly Candle[] | undefined, days = 30): number | undefined {
  const recent = daily?.slice(-days)
  if (!recent?.length) return undefined
  return recent.reduce((sum, candle) => sum + candle.volume, 0) / recent.length
}
