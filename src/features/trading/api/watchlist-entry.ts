import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { parseResponse } from '@/lib/api/parse-response'
import { addToWatchlist } from '@/lib/api/add-to-watchlist'
import { removeFromWatchlist } from '@/lib/api/remove-from-watchlist'
import { nullableNumber } from '@/lib/models'
import { queryKeys } from '@/lib/query-keys'
import { supabase } from '@/lib/supabase'
import { tradingKeys } from './keys'

const entrySchema = z.nullable(
  z.object({ symbol: z.string(), alert_above: nullableNumber, alert_below: nullableNumber }),
)

export type WatchlistEntry = NonNullable<z.infer<typeof entrySchema>>

/** The symbol's row on the user's watchlist, with its alert thresholds; null when not watched. */
export async function getWatchlistEntry(
  userId: string,
  symbol: string,
): Promise<WatchlistEntry | null> {
  const { data, error } = await supabase
    .from('wishlists')
    .select('symbol, alert_above, alert_below')
    .eq('user_id', userId)
    .eq('symbol', symbol)
    .maybeSingle()
  if (error) throw error
  return parseResponse(entrySchema, data, 'your watchlist')
}

export const watchlistEntryQueryOptions = (userId: string, symbol: string) =>
  queryOptions({
    queryKey: tradingKeys.watchlistEntry(userId, symbol),
    queryFn: () => getWatchlistEntry(userId, symbol),
  })

export function useWatchlistEntry(userId: string, symbol: string) {
  return useQuery(watchlistEntryQueryOptions(userId, symbol))
}

export function setWatched(userId: string, symbol: string, watched: boolean): Promise<void> {
  return watched ? addToWatchlist(symbol) : removeFromWatchlist(userId, symbol)
}

export function useToggleWatchlist(userId: string, symbol: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (watched: boolean) => setWatched(userId, symbol, watched),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.watchlist.all(userId) }),
  })
}
