import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { parseResponse } from '@/lib/api/parse-response'
import { useProfile } from '@/lib/api/get-profile'
import type { DayFill } from '@/lib/day-change'
import { supabase } from '@/lib/supabase'
import { tradingKeys } from './keys'

/** Hosted PostgREST caps a response at 1000 rows (`max_rows`), so long reads go page by page. */
const PAGE_SIZE = 1000

const fillSchema = z.object({
  created_at: z.string(),
  side: z.enum(['buy', 'sell']),
  quantity: z.coerce.number(),
  price: z.coerce.number(),
})

/** The user's fills of one symbol in one run (the position's day change is worked out from them). */
export async function getSymbolFills(
  userId: string,
  symbol: string,
  run: number,
): Promise<DayFill[]> {
  const fills: DayFill[] = []
  for (let from = 0; ; from += PAGE_SIZE) {
    const { data } = await supabase
      .from('transactions')
      .select('created_at, side, quantity, price')
      .eq('user_id', userId)
      .eq('symbol', symbol)
      .eq('run', run)
      .order('created_at', { ascending: true })
      .order('id', { ascending: true })
      .range(from, from + PAGE_SIZE - 1)
      .throwOnError()
    const rows = parseResponse(z.array(fillSchema), data ?? [], `your ${symbol} fills`)
    for (const row of rows) {
      fills.push({
        at: Date.parse(row.created_at),
        side: row.side,
        quantity: row.quantity,
        price: row.price,
      })
    }
    if (rows.length < PAGE_SIZE) return fills
  }
}

export const symbolFillsQueryOptions = (userId: string, symbol: string, run: number) =>
  queryOptions({
    queryKey: tradingKeys.symbolFills(userId, symbol, run),
    queryFn: () => getSymbolFills(userId, symbol, run),
  })

/** This run's fills of `symbol`; waits for the profile, which says which run is current. */
export function useSymbolFills(userId: string, symbol: string) {
  const run = useProfile(userId).data?.current_run
  return useQuery({
    ...symbolFillsQueryOptions(userId, symbol, run ?? 0),
    enabled: run !== undefined,
  })
}
