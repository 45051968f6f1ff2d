import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Stock } from '../models'
import { priceStore } from '../prices'
import { queryKeys } from '../query-keys'
import { loadSupabase } from '../load-supabase'

/** Every listed stock. Live prices come from the price store; this is the catalogue. */
export async function getStocks(): Promise<Stock[]> {
  const supabase = await loadSupabase()
  const { data, error } = await supabase.from('stocks').select('*').order('symbol')
  if (error) throw error
  const rows = (data ?? []) as Stock[]
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
