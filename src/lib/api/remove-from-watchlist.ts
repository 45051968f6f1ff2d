import { useMutation, useQueryClient } from '@tanstack/react-query'
import { queryKeys } from '../query-keys'
import { supabase } from '../supabase'

export async function removeFromWatchlist(userId: string, symbol: string): Promise<void> {
  await supabase
    .from('wishlists')
    .delete()
    .eq('user_id', userId)
    .eq('symbol', symbol)
    .throwOnError()
}

export function useRemoveFromWatchlist(userId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (symbol: string) => removeFromWatchlist(userId, symbol),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.watchlist.all(userId) }),
  })
}
