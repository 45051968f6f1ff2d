import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { addToWatchlist } from '@/lib/api/add-to-watchlist'
import { removeFromWatchlist } from '@/lib/api/remove-from-watchlist'
import { queryKeys } from '@/lib/query-keys'
import { supabase } from '@/lib/supabase'
import { tradingKeys } from './keys'

/** Whether the symbol is on the user's watchlist. */
export async function getWatchlistEntry(userId: string, symbol: string): Promise<boolean> {
  const { data, error } = await supabase
    .from('wishlists')
    .select('symbol')
    .eq('user_id', userId)
    .eq('symbol', symbol)
    .maybeSingle()
  if (error) throw error
  return data !== null
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
