import { queryOptions, useQuery } from '@tanstack/react-query'
import { z } from 'zod'
import { supabase } from '@/lib/supabase'
import { leaderboardKeys } from './keys'

export const LEADERBOARD_LIMIT = 50
/** Equity moves with every tick; a 10 s refresh keeps ranks live without hammering Postgres. */
export const LEADERBOARD_REFRESH_MS = 10_000

const entrySchema = z.object({
  rank: z.coerce.number().int(),
  display_name: z.string(),
  equity: z.coerce.number(),
  return_pct: z.coerce.number(),
  is_me: z.boolean().optional(),
})

export type LeaderboardEntry = z.infer<typeof entrySchema>

export async function getLeaderboard(limit: number): Promise<LeaderboardEntry[]> {
  const { data } = await supabase.rpc('get_leaderboard', { p_limit: limit }).throwOnError()
  return z.array(entrySchema).parse(data ?? [])
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
