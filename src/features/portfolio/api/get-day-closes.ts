import { queryOptions, useQuery } from '@tanstack/react-query'
import type { ClosePoint } from '../lib/equity-curve'
import { EQUITY_HISTORY_STALE_MS, fetchCloses } from './get-equity-history'
import { portfolioKeys } from './keys'

const MINUTE_MS = 60_000

/**
 * The 1-minute closes of `symbols` since `since` (the start of the trading day, or of a run
 * that began today): what the equity curve's 1D range is drawn from, whatever the run's age.
 */
export function getDayCloses(
  symbols: readonly string[],
  since: number,
): Promise<Record<string, ClosePoint[]>> {
  if (symbols.length === 0) return Promise.resolve({})
  // From the candle `since` falls in: it closes after it.
  const bucket = Math.floor(since / MINUTE_MS) * MINUTE_MS
  return fetchCloses([...symbols], '1m', new Date(bucket).toISOString())
}

export function dayClosesQueryOptions(
  userId: string,
  run: number,
  since: number,
  symbols: readonly string[],
) {
  return queryOptions({
    queryKey: portfolioKeys.dayCloses(userId, run, since, symbols),
    queryFn: () => getDayCloses(symbols, since),
    staleTime: EQUITY_HISTORY_STALE_MS,
    refetchInterval: EQUITY_HISTORY_STALE_MS,
  })
}

export function useDayCloses(
  userId: string,
  run: number,
  since: number,
  symbols: readonly string[],
  enabled: boolean,
) {
  return useQuery({ ...dayClosesQueryOptions(userId, run, since, symbols), enabled })
}
