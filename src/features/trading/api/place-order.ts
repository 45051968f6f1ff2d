import { useMutation, useQueryClient } from '@tanstack/react-query'
import { invalidateTradingState } from '@/lib/api/invalidate-trading-state'
import { parseResponse } from '@/lib/api/parse-response'
import { orderRowSchema, type Order } from '@/lib/models'
import { supabase } from '@/lib/supabase'
import type { toRpcArgs } from '../lib/order-form'

export type PlaceOrderArgs = ReturnType<typeof toRpcArgs>

/**
 * Calls place_order; a PostgREST error (with its `hint` reason) is thrown as is. When no answer
 * came back (a dropped connection, status 0) the order may have been placed all the same: its
 * key says whether it was, and the order is returned as if the call had answered.
 */
export async function placeOrder(args: PlaceOrderArgs): Promise<Order> {
  const { data, error, status } = await supabase.rpc('place_order', args)
  if (error) {
    const placed = status === 0 ? await findOrder(args.p_client_order_id) : null
    if (placed) return placed
    throw error
  }
  return parseResponse(orderRowSchema, data, 'your order')
}

/** The caller's order with this key (RLS: only their own), or null if none or unreachable. */
async function findOrder(clientOrderId: string): Promise<Order | null> {
  const { data, error } = await supabase
    .from('orders')
    .select('*')
    .eq('client_order_id', clientOrderId)
    .maybeSingle()
  return error || !data ? null : parseResponse(orderRowSchema, data, 'your order')
}

/**
 * `onPlaced` belongs to the mutation itself, so the confirmation is shown even when the trader has
 * left the page by the time the server answers; callbacks passed to `mutate` would be dropped.
 */
export function usePlaceOrder(userId: string, onPlaced?: (order: Order) => void) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: placeOrder,
    onSuccess: (order) => onPlaced?.(order),
    onSettled: () => invalidateTradingState(queryClient, userId),
  })
}
