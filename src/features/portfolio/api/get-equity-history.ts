import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { fetchRunFills } from '@/lib/api/get-run-fills'
import { parseResponse } from '@/lib/api/parse-response'
import { supabase } from '@/lib/supabase'
import type { ClosePoint, Fill } from '../lib/equity-curve'
import { portfolioKeys } from './keys'

/** Hosted PostgREST caps a response at 1000 rows (`max_rows`), so long reads go page by page. */
const PAGE_SIZE = 1000
/** Runs younger than this are drawn from 1-minute closes, older ones from daily closes. */
export const INTRADAY_WINDOW_MS = 36 * 60 * 60 * 1000
const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS

const candleSchema = z.object({
  symbol: z.string(),
  bucket: z.string(),
  close: z.coerce.number(),
})

export interface EquityHistory {
  runStart: number
  fills: Fill[]
  /** Closing prices per symbol, each stamped with the END of its candle. */
  closes: Record<string, ClosePoint[]>
  resolution: '1m' | '1d'
}

export async function fetchCloses(
  symbols: string[],
  interval: '1m' | '1d',
  sinceIso: string,
): Promise<Record<string, ClosePoint[]>> {
  const length = interval === '1m' ? MINUTE_MS : DAY_MS
  const closes: Record<string, ClosePoint[]> = {}
  for (let from = 0; ; from += PAGE_SIZE) {
    const { data } = await supabase
      .from('price_candles')
      .select('symbol, bucket, close')
      .eq('interval', interval)
      .in('symbol', symbols)
      .gte('bucket', sinceIso)
      .order('bucket', { ascending: true })
      .order('symbol', { ascending: true })
      .range(from, from + PAGE_SIZE - 1)
      .throwOnError()
    const rows = parseResponse(z.array(candleSchema), data ?? [], 'price history')
    for (const row of rows) {
      const points = (closes[row.symbol] ??= [])
      points.push({ at: Date.parse(row.bucket) + length, close: row.close })
    }
    if (rows.length < PAGE_SIZE) return closes
  }
}

/**
 * What the equity curve needs (see lib/equity-curve.ts for the method): this run's fills and
 * the closes of every symbol traded in it since the run started.
 */
export async function getEquityHistory(
  userId: string,
  run: number,
  runStartedAt: string,
  now = Date.now(),
): Promise<EquityHistory> {
  const runStart = Date.parse(runStartedAt)
  const fills = await fetchRunFills(userId, run)
  const resolution = now - runStart <= INTRADAY_WINDOW_MS ? '1m' : '1d'
  const symbols = [...new Set(fills.map((fill) => fill.symbol))]
  if (symbols.length === 0) return { runStart, fills, closes: {}, resolution }
  // Start at the bucket the run began in: that candle closes after the run started.
  const since = new Date(runStart)
  if (resolution === '1d') since.setUTCHours(0, 0, 0, 0)
  else since.setUTCSeconds(0, 0)
  const closes = await fetchCloses(symbols, resolution, since.toISOString())
  return { runStart, fills, closes, resolution }
}

/** Candles close once a minute, so refetching more often than that would not add a point. */
export const EQUITY_HISTORY_STALE_MS = 60_000

export function equityHistoryQueryOptions(userId: string, run: number, runStartedAt: string) {
  return queryOptions({
    queryKey: portfolioKeys.equityHistory(userId, run),
    queryFn: () => getEquityHistory(userId, run, runStartedAt),
    staleTime: EQUITY_HISTORY_STALE_MS,
    refetchInterval: EQUITY_HISTORY_STALE_MS,
  })
}

export function useEquityHistory(
  userId: string,
  account: { current_run: number; run_started_at: string } | undefined,
) {
  return useQuery({
    ...equityHistoryQueryOptions(userId, account?.current_run ?? 0, account?.run_started_at ?? ''),
    enabled: account !== undefined,
  })
}
