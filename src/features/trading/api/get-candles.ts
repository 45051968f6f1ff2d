import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Candle } from '@/lib/models'
import { supabase } from '@/lib/supabase'
import type { ChartRange } from './keys'
import { tradingKeys } from './keys'

const DAY_MS = 86_400_000

/** 1D: today's 1-minute candles (UTC day); longer ranges: daily candles. */
export function rangeQuery(range: ChartRange, now: Date) {
  const dayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  const days = { '1D': 0, '1W': 7, '1M': 31, '1Y': 366 }[range]
  return {
    interval: range === '1D' ? ('1m' as const) : ('1d' as const),
    since: new Date(dayStart - days * DAY_MS).toISOString(),
  }
}

export async function getCandles(
  symbol: string,
  range: ChartRange,
  now = new Date(),
): Promise<Candle[]> {
  const { interval, since } = rangeQuery(range, now)
  // 1440 one-minute candles at most in a day: two pages under hosted PostgREST's 1000-row cap.
  const rows: Candle[] = []
  for (let from = 0; ; from += 1000) {
    const { data, error } = await supabase
      .from('price_candles')
      .select('symbol, interval, bucket, open, high, low, close, volume')
      .eq('symbol', symbol)
      .eq('interval', interval)
      .gte('bucket', since)
      .order('bucket')
      .range(from, from + 999)
    if (error) throw error
    rows.push(...((data ?? []) as Candle[]))
    if (!data || data.length < 1000) break
  }
  return rows.map((row) => ({
    ...row,
    open: Number(row.open),
    high: Number(row.high),
    low: Number(row.low),
    close: Number(row.close),
    volume: Number(row.volume),
  }))
}

export const candlesQueryOptions = (symbol: string, range: ChartRange) =>
  queryOptions({
    queryKey: tradingKeys.candles(symbol, range),
    queryFn: () => getCandles(symbol, range),
    staleTime: range === '1D' ? 30_000 : 5 * 60_000,
  })

export function useCandles(symbol: string, range: ChartRange) {
  return useQuery(candlesQueryOptions(symbol, range))
}
