import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
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

export async function setWatched(userId: string, symbol: string, watched: boolean) {
  const { error } = watched
    ? await supabase.from('wishlists').insert({ user_id: userId, symbol })
    : await supabase.from('wishlists').delete().eq('user_id', userId).eq('symbol', symbol)
  // Adding twice (another tab got there first) is still "on the watchlist".
  if (error && !(watched && error.code === '23505')) throw error
}

export function useToggleWatchlist(userId: string, symbol: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (watched: boolean) => setWatched(userId, symbol, watched),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.watchlist.all(userId) }),
  })
}
