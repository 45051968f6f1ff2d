import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Order } from '../models'
import { queryKeys } from '../query-keys'
import { supabase } from '../supabase'

/** Resting (pending) orders, newest first. */
export async function getOpenOrders(userId: string): Promise<Order[]> {
  const { data, error } = await supabase
    .from('orders')
    .select('*')
    .eq('user_id', userId)
    .eq('status', 'pending')
    .order('created_at', { ascending: false })
  if (error) throw error
  return (data ?? []) as Order[]
}

export const openOrdersQueryOptions = (userId: string) =>
  queryOptions({ queryKey: queryKeys.orders.open(userId), queryFn: () => getOpenOrders(userId) })

export function useOpenOrders(userId: string) {
  return useQuery(openOrdersQueryOptions(userId))
}
