import { useMutation, useQueryClient } from '@tanstack/react-query'
import { queryKeys } from '@/lib/query-keys'
import { supabase } from '@/lib/supabase'

/** Adds a symbol; `user_id` defaults to auth.uid() in Postgres and RLS checks it. */
export async function addToWatchlist(symbol: string): Promise<void> {
  await supabase.from('wishlists').insert({ symbol }).throwOnError()
}

export function useAddToWatchlist(userId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: addToWatchlist,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.watchlist.all(userId) }),
  })
}
