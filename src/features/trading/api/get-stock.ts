import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { parseResponse } from '@/lib/api/parse-response'
import { stockRowSchema, type Stock } from '@/lib/models'
import { priceStore } from '@/lib/prices'
import { supabase } from '@/lib/supabase'
import { tradingKeys } from './keys'

/** One stock row, or null when the symbol is not listed. */
export async function getStock(symbol: string): Promise<Stock | null> {
  const { data, error } = await supabase
    .from('stocks')
    .select('*')
    .eq('symbol', symbol)
    .maybeSingle()
  if (error) throw error
  const stock = parseResponse(z.nullable(stockRowSchema), data, `the stock ${symbol}`)
  if (stock) priceStore.applySnapshot([stock])
  return stock
}

export const stockQueryOptions = (symbol: string) =>
  queryOptions({ queryKey: tradingKeys.stock(symbol), queryFn: () => getStock(symbol) })

export function useStock(symbol: string) {
  return useQuery(stockQueryOptions(symbol))
}
