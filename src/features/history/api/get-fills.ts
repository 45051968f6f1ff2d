import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { parseResponse } from '@/lib/api/parse-response'
import { supabase } from '@/lib/supabase'
import { historyKeys } from './keys'
import {
  applyHistoryFilters,
  EXPORT_PAGE_SIZE,
  HISTORY_PAGE_SIZE,
  type ListFilters,
} from './query-filters'

const fillSchema = z.object({
  id: z.string(),
  run: z.coerce.number().check(z.int()),
  order_id: z.string(),
  symbol: z.string(),
  side: z.enum(['buy', 'sell']),
  quantity: z.coerce.number(),
  price: z.coerce.number(),
  amount: z.coerce.number(),
  fee: z.coerce.number(),
  realized_pnl: z.pipe(
    z.transform((value): unknown => value ?? null),
    z.nullable(z.coerce.number()),
  ),
  cash_after: z.coerce.number(),
  created_at: z.string(),
})

export type FillRow = z.infer<typeof fillSchema>

const COLUMNS =
  'id, run, order_id, symbol, side, quantity, price, amount, fee, realized_pnl, cash_after, created_at'

function fillsQuery(userId: string, filters: ListFilters, from: number, to: number) {
  const query = supabase
    .from('transactions')
    .select(COLUMNS, { count: 'exact' })
    .eq('user_id', userId)
  return applyHistoryFilters(query, filters)
    .order('created_at', { ascending: false })
    .order('id', { ascending: false })
    .range(from, to)
    .throwOnError()
}

/** One page of fills, newest first, with the total count of the filtered set. */
export async function getFills(userId: string, filters: ListFilters, page: number) {
  const from = (page - 1) * HISTORY_PAGE_SIZE
  const { data, count } = await fillsQuery(userId, filters, from, from + HISTORY_PAGE_SIZE - 1)
  return { rows: parseResponse(z.array(fillSchema), data ?? [], 'your fills'), total: count ?? 0 }
}

/** Every fill of the filtered set, for the CSV export. */
export async function getAllFills(userId: string, filters: ListFilters): Promise<FillRow[]> {
  const rows: FillRow[] = []
  for (let from = 0; ; from += EXPORT_PAGE_SIZE) {
    const { data, count } = await fillsQuery(userId, filters, from, from + EXPORT_PAGE_SIZE - 1)
    rows.push(...parseResponse(z.array(fillSchema), data ?? [], 'your fills'))
    if (rows.length >= (count ?? 0) || (data ?? []).length === 0) return rows
  }
}

export function fillsQueryOptions(userId: string, filters: ListFilters, page: number) {
  return queryOptions({
    queryKey: historyKeys.fillsPage(userId, filters, page),
    queryFn: () => getFills(userId, filters, page),
    // Keep the previous page on screen while the next one loads (no layout jump).
    placeholderData: keepPreviousData,
  })
}

export function useFills(userId: string, filters: ListFilters, page: number, enabled = true) {
  return useQuery({ ...fillsQueryOptions(userId, filters, page), enabled })
}
