import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { stockRowSchema, type Stock } from '../models'
import { priceStore } from '../prices'
import { queryKeys } from '../query-keys'
import { loadSupabase } from '../load-supabase'
import { parseResponse } from './parse-response'

/**
 * Every listed stock. Live prices come from the price store; this is the catalogue. Ticks never
 * refetch it (staleTime below), so checking every row costs little: 500 rows parse in about
 * 0.3 ms warm, 5-8 ms the first time.
 */
export async function getStocks(): Promise<Stock[]> {
  const supabase = await loadSupabase()
  const { data, error } = await supabase.from('stocks').select('*').order('symbol')
  if (error) throw error
  const rows = parseResponse(z.array(stockRowSchema), data ?? [], 'the list of stocks')
  priceStore.applySnapshot(rows)
  return rows
}

export const stocksQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.stocks.list(),
    queryFn: getStocks,
    // Names and sectors do not change during a session; prices flow through the store.
    staleTime: 5 * 60_000,
  })

export function useStocks() {
  return useQuery(stocksQueryOptions())
}
