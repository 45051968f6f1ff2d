import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { parseResponse } from '@/lib/api/parse-response'
import { nullableNumber } from '@/lib/models'
import { supabase } from '@/lib/supabase'
import { watchlistKeys } from './keys'

const entrySchema = z.object({
  symbol: z.string(),
  alert_above: nullableNumber,
  alert_below: nullableNumber,
  alert_triggered_at: z.nullable(z.string()),
  alert_triggered_price: nullableNumber,
  alert_triggered_direction: z.nullable(z.enum(['above', 'below'])),
  created_at: z.string(),
  stocks: z.nullable(
    z.object({ name: z.string(), price: z.coerce.number(), previous_close: z.coerce.number() }),
  ),
})

export type WatchlistEntry = z.infer<typeof entrySchema>

/** The user's watchlist, oldest first (the order they built it in). */
export async function getWatchlist(userId: string): Promise<WatchlistEntry[]> {
  const { data } = await supabase
    .from('wishlists')
    .select(
      'symbol, alert_above, alert_below, alert_triggered_at, alert_triggered_price, alert_triggered_direction, created_at, stocks(name, price, previous_close)',
    )
    .eq('user_id', userId)
    .order('created_at', { ascending: true })
    .order('symbol', { ascending: true })
    .throwOnError()
  return parseResponse(z.array(entrySchema), data ?? [], 'your watchlist')
}

export function watchlistQueryOptions(userId: string) {
  return queryOptions({
    queryKey: watchlistKeys.list(userId),
    queryFn: () => getWatchlist(userId),
  })
}

export function useWatchlist(userId: string) {
  return useQuery(watchlistQueryOptions(userId))
}
