import { queryOptions, useQuery } from '@tanstack/react-query'
import { loadSupabase } from '@/lib/load-supabase'
import { fetchAllPages } from './fetch-all-pages'
import { marketKeys } from './keys'

/** The sparkline covers the last hour of today's 1-minute candles (never before 00:00 UTC). */
export const SPARKLINE_MINUTES = 60

export function sparklineStart(now: Date): Date {
  const dayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  return new Date(Math.max(dayStart, now.getTime() - SPARKLINE_MINUTES * 60_000))
}

/** Closing prices per symbol, oldest first. */
export async function getSparklines(now = new Date()): Promise<Map<string, number[]>> {
  const since = sparklineStart(now).toISOString()
  const supabase = await loadSupabase()
  const rows = await fetchAllPages<{ symbol: string; close: number }>((from, to) =>
    supabase
      .from('price_candles')
      .select('symbol, close')
      .eq('interval', '1m')
      .gte('bucket', since)
      .order('symbol')
      .order('bucket')
      .range(from, to),
  )
  const bySymbol = new Map<string, number[]>()
  for (const row of rows) {
    let list = bySymbol.get(row.symbol)
    if (!list) bySymbol.set(row.symbol, (list = []))
    list.push(Number(row.close))
  }
  return bySymbol
}

export const sparklinesQueryOptions = () =>
  queryOptions({
    queryKey: marketKeys.sparklines(),
    queryFn: () => getSparklines(),
    staleTime: 60_000,
    refetchInterval: 60_000,
  })

export function useSparklines() {
  return useQuery(sparklinesQueryOptions())
}
