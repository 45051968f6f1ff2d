import { queryOptions, useQuery } from '@tanstack/react-query'
import { supabase } from '@/lib/supabase'
import {
  LEADERBOARD_REFRESH_MS,
  parseLeaderboardRows,
  type LeaderboardEntry,
} from './get-leaderboard'
import { leaderboardKeys } from './keys'

/** The caller's own row of the ranking, or null when they have not opted in. */
export async function getMyLeaderboardEntry(): Promise<LeaderboardEntry | null> {
  const { data } = await supabase.rpc('get_my_leaderboard_entry').throwOnError()
  return parseLeaderboardRows(data)[0] ?? null
}

export function useMyLeaderboardEntry(userId: string) {
  return useQuery(
    queryOptions({
      queryKey: leaderboardKeys.mine(userId),
      queryFn: getMyLeaderboardEntry,
      refetchInterval: LEADERBOARD_REFRESH_MS,
    }),
  )
}
