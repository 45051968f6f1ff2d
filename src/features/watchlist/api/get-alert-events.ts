import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { parseResponse } from '@/lib/api/parse-response'
import { nullableNumber } from '@/lib/models'
import { supabase } from '@/lib/supabase'
import { watchlistKeys } from './keys'

/** How many fired alerts the watchlist page lists at most (newest first). */
export const ALERT_EVENTS_SHOWN = 20

const alertEventSchema = z.object({
  id: z.number(),
  symbol: z.string(),
  direction: z.enum(['above', 'below']),
  price: z.coerce.number(),
  threshold: nullableNumber,
  triggered_at: z.string(),
})

export type AlertEvent = z.infer<typeof alertEventSchema>

/** The user's fired watchlist alerts not yet dismissed, newest first. */
export async function getAlertEvents(userId: string): Promise<AlertEvent[]> {
  const { data } = await supabase
    .from('alert_events')
    .select('id, symbol, direction, price, threshold, triggered_at')
    .eq('user_id', userId)
    .is('dismissed_at', null)
    .order('triggered_at', { ascending: false })
    .order('id', { ascending: false })
    .limit(ALERT_EVENTS_SHOWN)
    .throwOnError()
  return parseResponse(z.array(alertEventSchema), data ?? [], 'your alerts')
}

export function useAlertEvents(userId: string) {
  return useQuery(
    queryOptions({
      queryKey: watchlistKeys.alertEvents(userId),
      queryFn: () => getAlertEvents(userId),
    }),
  )
}
