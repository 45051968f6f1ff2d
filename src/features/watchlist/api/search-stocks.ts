import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { parseResponse } from '@/lib/api/parse-response'
import { supabase } from '@/lib/supabase'
import { watchlistKeys } from './keys'

const resultSchema = z.object({ symbol: z.string(), name: z.string() })

export type StockMatch = z.infer<typeof resultSchema>

const MAX_RESULTS = 8

/** PostgREST `or` values are comma and parenthesis separated: keep only safe characters. */
function sanitize(term: string): string {
  return term.replace(/[^\p{L}\p{N} .&-]/gu, '').trim()
}

/** Stocks whose symbol or name contains the term, symbols first. */
export async function searchStocks(term: string): Promise<StockMatch[]> {
  const clean = sanitize(term)
  if (clean === '') return []
  const { data } = await supabase
    .from('stocks')
    .select('symbol, name')
    .or(`symbol.ilike.*${clean}*,name.ilike.*${clean}*`)
    .order('symbol')
    .limit(50)
    .throwOnError()
  const upper = clean.toUpperCase()
  return parseResponse(z.array(resultSchema), data ?? [], 'the stock search')
    .sort((a, b) => rank(a, upper) - rank(b, upper) || a.symbol.localeCompare(b.symbol))
    .slice(0, MAX_RESULTS)
}

function rank(stock: StockMatch, term: string): number {
  if (stock.symbol === term) return 0
  if (stock.symbol.startsWith(term)) return 1
  if (stock.symbol.includes(term)) return 2
  return 3
}

export function searchStocksQueryOptions(term: string) {
  return queryOptions({
    queryKey: watchlistKeys.search(sanitize(term).toUpperCase()),
    queryFn: () => searchStocks(term),
    staleTime: 5 * 60_000,
  })
}

export function useSearchStocks(term: string) {
  return useQuery({ ...searchStocksQueryOptions(term), enabled: sanitize(term) !== '' })
}
