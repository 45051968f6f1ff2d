import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { parseResponse } from './parse-response'
import { nullableNumber } from '@/lib/models'
import { supabase } from '@/lib/supabase'
import { queryKeys } from '@/lib/query-keys'

const openOrderSchema = z.object({
  id: z.string(),
  symbol: z.string(),
  side: z.enum(['buy', 'sell']),
  type: z.enum(['market', 'limit', 'stop', 'stop_limit']),
  quantity: z.coerce.number(),
  limit_price: nullableNumber,
  stop_price: nullableNumber,
  time_in_force: z.enum(['day', 'gtc']),
  triggered_at: z.nullable(z.string()),
  held_cash: z.coerce.number(),
  created_at: z.string(),
})

export type OpenOrder = z.infer<typeof openOrderSchema>

/** Resting orders, newest first. */
export async function getOpenOrders(userId: string): Promise<OpenOrder[]> {
  const { data } = await supabase
    .from('orders')
    .select(
      'id, symbol, side, type, quantity, limit_price, stop_price, time_in_force, triggered_at, held_cash, created_at',
    )
    .eq('user_id', userId)
    .eq('status', 'pending')
    .order('created_at', { ascending: false })
    .throwOnError()
  return parseResponse(z.array(openOrderSchema), data ?? [], 'your open orders')
}

export function openOrdersQueryOptions(userId: string) {
  return queryOptions({
    queryKey: queryKeys.orders.open(userId),
    queryFn: () => getOpenOrders(userId),
  })
}

export function useOpenOrders(userId: string) {
  return useQuery(openOrdersQueryOptions(userId))
}
