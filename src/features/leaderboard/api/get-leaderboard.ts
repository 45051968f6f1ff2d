import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { parseResponse } from '@/lib/api/parse-response'
import { supabase } from '@/lib/supabase'
import { leaderboardKeys } from './keys'

export const LEADERBOARD_LIMIT = 50
/** Equity moves with every tick; a 10 s refresh keeps ranks live without hammering Postgres. */
export const LEADERBOARD_REFRESH_MS = 10_000

const rowSchema = z.object({
  rank: z.coerce.number().check(z.int()),
  display_name: z.string(),
  equity: z.coerce.number(),
  /** Percent (12.5 = +12.5 %), as get_leaderboard and get_my_leaderboard_entry return it. */
  return_pct: z.coerce.number(),
})

export interface LeaderboardEntry {
  rank: number
  displayName: string
  equity: number
  /** Fraction (0.125 = +12.5 %), the unit the app's percent formatter takes. */
  returnRatio: number
}

/** Rows of get_leaderboard or get_my_leaderboard_entry (the same shape) as entries. */
export function parseLeaderboardRows(data: unknown): LeaderboardEntry[] {
  return parseResponse(z.array(rowSchema), data ?? [], 'the leaderboard').map((row) => ({
    rank: row.rank,
    displayName: row.display_name,
    equity: row.equity,
    returnRatio: row.return_pct / 100,
  }))
}

export async function getLeaderboard(limit: number): Promise<LeaderboardEntry[]> {
  const { data } = await supabase.rpc('get_leaderboard', { p_limit: limit }).throwOnError()
  return parseLeaderboardRows(data)
}

export function leaderboardQueryOptions(limit = LEADERBOARD_LIMIT) {
  return queryOptions({
    queryKey: leaderboardKeys.list(limit),
    queryFn: () => getLeaderboard(limit),
    refetchInterval: LEADERBOARD_REFRESH_MS,
  })
}

export function useLeaderboard(limit = LEADERBOARD_LIMIT) {
  return useQuery(leaderboardQueryOptions(limit))
}
