import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { parseResponse } from '@/lib/api/parse-response'
import { nullableNumber } from '@/lib/models'
import { supabase } from '@/lib/supabase'
import { historyKeys } from './keys'
import {
  applyHistoryFilters,
  EXPORT_PAGE_SIZE,
  HISTORY_PAGE_SIZE,
  type ListFilters,
} from './query-filters'

const orderSchema = z.object({
  id: z.string(),
  run: z.coerce.number().check(z.int()),
  symbol: z.string(),
  side: z.enum(['buy', 'sell']),
  type: z.enum(['market', 'limit', 'stop', 'stop_limit']),
  quantity: z.coerce.number(),
  notional: nullableNumber,
  limit_price: nullableNumber,
  stop_price: nullableNumber,
  time_in_force: z.enum(['day', 'gtc']),
  status: z.enum(['pending', 'filled', 'cancelled', 'rejected', 'expired']),
  filled_price: nullableNumber,
  filled_at: z.nullable(z.string()),
  reject_reason: z.nullable(z.string()),
  created_at: z.string(),
})

export type OrderRow = z.infer<typeof orderSchema>

const COLUMNS =
  'id, run, symbol, side, type, quantity, notional, limit_price, stop_price, time_in_force, status, filled_price, filled_at, reject_reason, created_at'

function ordersQuery(userId: string, filters: ListFilters, from: number, to: number) {
  const query = supabase.from('orders').select(COLUMNS, { count: 'exact' }).eq('user_id', userId)
  return applyHistoryFilters(query, filters)
    .order('created_at', { ascending: false })
    .order('id', { ascending: false })
    .range(from, to)
    .throwOnError()
}

/** One page of orders (every status), newest first, with the total of the filtered set. */
export async function getOrders(userId: string, filters: ListFilters, page: number) {
  const from = (page - 1) * HISTORY_PAGE_SIZE
  const { data, count } = await ordersQuery(userId, filters, from, from + HISTORY_PAGE_SIZE - 1)
  return { rows: parseResponse(z.array(orderSchema), data ?? [], 'your orders'), total: count ?? 0 }
}

/** Every order of the filtered set, for the CSV export. */
export async function getAllOrders(userId: string, filters: ListFilters): Promise<OrderRow[]> {
  const rows: OrderRow[] = []
  for (let from = 0; ; from += EXPORT_PAGE_SIZE) {
    const { data, count } = await ordersQuery(userId, filters, from, from + EXPORT_PAGE_SIZE - 1)
    rows.push(...parseResponse(z.array(orderSchema), data ?? [], 'your orders'))
    if (rows.length >= (count ?? 0) || (data ?? []).length === 0) return rows
  }
}

export function ordersQueryOptions(userId: string, filters: ListFilters, page: number) {
  return queryOptions({
    queryKey: historyKeys.ordersPage(userId, filters, page),
    queryFn: () => getOrders(userId, filters, page),
    placeholderData: keepPreviousData,
  })
}

export function useOrders(userId: string, filters: ListFilters, page: number, enabled = true) {
  return useQuery({ ...ordersQueryOptions(userId, filters, page), enabled })
}
