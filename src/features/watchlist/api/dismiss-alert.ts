import { useMutation, useQueryClient } from '@tanstack/react-query'
import { queryKeys } from '@/lib/query-keys'
import { supabase } from '@/lib/supabase'

/**
 * Marks a fired alert as seen. Through a function: clients cannot write alert_events. The
 * watchlist's thresholds stay as they are.
 */
export async function dismissAlert(id: number): Promise<void> {
  await supabase.rpc('dismiss_alert', { p_id: id }).throwOnError()
}

export function useDismissAlert(userId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: dismissAlert,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.watchlist.all(userId) }),
  })
}
