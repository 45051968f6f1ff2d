import { useMutation, useQueryClient } from '@tanstack/react-query'
import { queryKeys } from '../query-keys'
import { supabase } from '../supabase'

/**
 * Adds a symbol; `user_id` defaults to auth.uid() in Postgres and RLS checks it. Adding one
 * already there (another tab got there first) is still "on the watchlist", not an error.
 */
export async function addToWatchlist(symbol: string): Promise<void> {
  const { error } = await supabase.from('wishlists').insert({ symbol })
  if (error && error.code !== '23505') throw error
}

export function useAddToWatchlist(userId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: addToWatchlist,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.watchlist.all(userId) }),
  })
}
