import { useMutation, useQueryClient } from '@tanstack/react-query'
import { addToWatchlist } from '@/lib/api/add-to-watchlist'
import { queryKeys } from '@/lib/query-keys'
import { supabase } from '@/lib/supabase'

export interface AlertThresholds {
  symbol: string
  alertAbove: number | null
  alertBelow: number | null
  /** Put the symbol on the watchlist first (a stock page's alert for a stock not watched). */
  watch?: boolean
}

/**
 * Sets or clears the alert thresholds of one watchlist row. Postgres re-arms a triggered alert
 * when a threshold changes (trigger `wishlists_rearm_alert`), so saving again starts over.
 */
export async function setAlert(userId: string, input: AlertThresholds): Promise<void> {
  if (input.watch) await addToWatchlist(input.symbol)
  await supabase
    .from('wishlists')
    .update({ alert_above: input.alertAbove, alert_below: input.alertBelow })
    .eq('user_id', userId)
    .eq('symbol', input.symbol)
    .throwOnError()
}

export function useSetAlert(userId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: AlertThresholds) => setAlert(userId, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.watchlist.all(userId) }),
  })
}
