import { useMutation, useQueryClient } from '@tanstack/react-query'
import { queryKeys } from '@/lib/query-keys'
import { supabase } from '@/lib/supabase'

/**
 * Clears a triggered alert once the user has seen it. Through a function: the triggered
 * columns are not writable by clients. The thresholds stay as they are.
 */
export async function dismissAlert(symbol: string): Promise<void> {
  await supabase.rpc('dismiss_watchlist_alert', { p_symbol: symbol }).throwOnError()
}

export function useDismissAlert(userId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: dismissAlert,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.watchlist.all(userId) }),
  })
}
