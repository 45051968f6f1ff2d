import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { parseResponse } from '@/lib/api/parse-response'
import { candleRowSchema, type Candle } from '@/lib/models'
import { supabase } from '@/lib/supabase'
import type { ChartRange } from './keys'
import { tradingKeys } from './keys'

/**
 * 1D: today's 1-minute candles (UTC day); longer ranges: daily candles of the trading days in
 * that calendar span, today included (the market trades every day, so 1W is 7 days: the 6
 * days before today and today, not 8). 1W also draws hours where there are minutes
 * (weekCandles).
 */
export function rangeQuery(range: ChartRange, now: Date) {
  const [year, month, day] = [now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()]
  // Date.UTC carries over (day 0 is the last day of the month before, month -1 is December).
  const since = {
    '1D': Date.UTC(year, month, day),
    '1W': Date.UTC(year, month, day - 6),
    '1M': dayAfterMonthsBefore(year, month, day, 1),
    '1Y': dayAfterMonthsBefore(year, month, day, 12),
  }[range]
  return {
    interval: range === '1D' ? ('1m' as const) : ('1d' as const),
    since: new Date(since).toISOString(),
  }
}

/** The day after the same date `months` before (clamped: one month before 31 March is 28 or 29 February). */
function dayAfterMonthsBefore(year: number, month: number, day: number, months: number): number {
  const lastDay = new Date(Date.UTC(year, month - months + 1, 0)).getUTCDate()
  return Date.UTC(year, month - months, Math.min(day, lastDay) + 1)
}

const candlesSchema = z.array(candleRowSchema)

const DAY_MS = 86_400_000

/**
 * The week as trading sites draw it, in hours: the hours that have 1-minute candles (kept 7
 * days, so a whole week once the market has run that long), after the daily candles of the
 * days before the first of them (a new install, or a clock started mid-week). No hours: the
 * days alone.
 */
export function weekCandles(days: readonly Candle[], hours: readonly Candle[]): Candle[] {
  if (hours.length === 0) return [...days]
  const firstDay = Math.floor(Date.parse(hours[0].bucket) / DAY_MS) * DAY_MS
  return [...days.filter((candle) => Date.parse(candle.bucket) < firstDay), ...hours]
}

// get_hourly_candles' rows: a candle's, without the symbol and interval that the call says.
const hoursSchema = z.array(z.omit(candleRowSchema, { symbol: true, interval: true }))

async function getHours(symbol: string, since: string): Promise<Candle[]> {
  // 168 rows at most: one page.
  const { data, error } = await supabase.rpc('get_hourly_candles', {
    p_symbol: symbol,
    p_since: since,
  })
  if (error) throw error
  return parseResponse(hoursSchema, data ?? [], 'the price chart').map((hour) => ({
    ...hour,
    symbol,
    interval: '1h' as const,
  }))
}

async function getTableCandles(
  symbol: string,
  interval: '1m' | '1d',
  since: string,
): Promise<Candle[]> {
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
    // The schema coerces PostgREST's numeric strings; parsed once per page when the chart loads.
    rows.push(...parseResponse(candlesSchema, data ?? [], 'the price chart'))
    if (!data || data.length < 1000) break
  }
  return rows
}

export async function getCandles(
  symbol: string,
  range: ChartRange,
  now = new Date(),
): Promise<Candle[]> {
  const { interval, since } = rangeQuery(range, now)
  if (range !== '1W') return getTableCandles(symbol, interval, since)
  const [days, hours] = await Promise.all([
    getTableCandles(symbol, interval, since),
    getHours(symbol, since),
  ])
  return weekCandles(days, hours)
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
