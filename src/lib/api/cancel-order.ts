import { useMutation, useQueryClient } from '@tanstack/react-query'
import { invalidateTradingState } from './invalidate-trading-state'
import * as z from 'zod/mini'
import { parseResponse } from './parse-response'
import { supabase } from '@/lib/supabase'

const cancelledSchema = z.object({ id: z.string(), status: z.string() })

/** Cancels a resting order; the server releases its held cash or shares. */
export async function cancelOrder(orderId: string) {
  const { data } = await supabase.rpc('cancel_order', { p_order_id: orderId }).throwOnError()
  return parseResponse(cancelledSchema, data, 'the cancellation')
}

/**
 * Cancels the order passed to `mutate`. `onCancelled` belongs to the mutation itself, so it runs
 * even when the caller has unmounted by the time the server answers (the list can drop the row,
 * and a dialog with it, on the Realtime event first); callbacks passed to `mutate` do not.
 */
export function useCancelOrder<Order extends { id: string }>(
  userId: string,
  onCancelled?: (order: Order) => void,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (order: Order) => cancelOrder(order.id),
    onSuccess: (_cancelled, order) => onCancelled?.(order),
    // Cancelling changes the order and frees held cash (profile) or held shares (positions); it
    // may also have filled just before (the cancel is then refused).
    onSettled: () => invalidateTradingState(queryClient, userId),
  })
}
