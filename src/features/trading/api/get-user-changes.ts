import * as z from 'zod/mini'
import { parseResponse } from '@/lib/api/parse-response'
import { nullableNumber } from '@/lib/models'
import { supabase } from '@/lib/supabase'

/**
 * The catch-up for per-user live events (Realtime does not replay what it missed, and may be
 * down for good): the user's orders and fired watchlist alerts changed after a server time.
 * Called imperatively by the user-events sync rather than through a query hook: its result is
 * toasts and invalidations, not cached data.
 */

/** An order as both the catch-up query and a Realtime `orders` change deliver it. */
export const orderChangeSchema = z.object({
  id: z.string(),
  symbol: z.string(),
  side: z.enum(['buy', 'sell']),
  quantity: z.coerce.number(),
  status: z.enum(['pending', 'filled', 'cancelled', 'rejected', 'expired']),
  filled_price: nullableNumber,
  reject_reason: z.pipe(
    z.transform((value): unknown => value ?? null),
    z.nullable(z.string()),
  ),
  updated_at: z.string(),
})

export type OrderChange = z.infer<typeof orderChangeSchema>

/** A watchlist row as both the catch-up query and a Realtime `wishlists` change deliver it. */
export const alertChangeSchema = z.object({
  symbol: z.string(),
  alert_triggered_at: z.pipe(
    z.transform((value): unknown => value ?? null),
    z.nullable(z.string()),
  ),
  alert_triggered_price: nullableNumber,
  alert_triggered_threshold: nullableNumber,
  alert_triggered_direction: z.pipe(
    z.transform((value): unknown => value ?? null),
    z.nullable(z.enum(['above', 'below'])),
  ),
})

export type AlertChange = z.infer<typeof alertChangeSchema>

const ORDER_COLUMNS = 'id, symbol, side, quantity, status, filled_price, reject_reason, updated_at'
const ALERT_COLUMNS =
  'symbol, alert_triggered_at, alert_triggered_price, alert_triggered_threshold, alert_triggered_direction'
/** More than this many changes between two polls are picked up by the next poll. */
export const USER_CHANGES_BATCH = 200

const timestamps = z.array(z.object({ updated_at: z.string() }))

function latest(times: readonly string[]): string {
  let best = new Date(0).toISOString()
  for (const time of times) if (Date.parse(time) > Date.parse(best)) best = time
  return best
}

/**
 * Where announcing starts, in server time: the market's last tick (every engine fill, rejection,
 * expiry and alert carries its tick's time) or the user's latest order change (a market order
 * fills outside a tick), whichever is later. Anything at or before it is old news.
 */
export async function getUserEventsStart(userId: string): Promise<string> {
  const [tick, order] = await Promise.all([
    supabase
      .from('stocks')
      .select('updated_at')
      .order('updated_at', { ascending: false })
      .limit(1)
      .throwOnError(),
    supabase
      .from('orders')
      .select('updated_at')
      .eq('user_id', userId)
      .order('updated_at', { ascending: false })
      .limit(1)
      .throwOnError(),
  ])
  const rows = [
    ...parseResponse(timestamps, tick.data ?? [], 'the market clock'),
    ...parseResponse(timestamps, order.data ?? [], 'your orders'),
  ]
  return latest(rows.map((row) => row.updated_at))
}

/** Orders changed and alerts fired after `since` (a server time), oldest first. */
export async function getUserChanges(
  userId: string,
  since: string,
): Promise<{ orders: OrderChange[]; alerts: AlertChange[] }> {
  const [orders, alerts] = await Promise.all([
    supabase
      .from('orders')
      .select(ORDER_COLUMNS)
      .eq('user_id', userId)
      .gt('updated_at', since)
      .order('updated_at', { ascending: true })
      .limit(USER_CHANGES_BATCH)
      .throwOnError(),
    supabase
      .from('wishlists')
      .select(ALERT_COLUMNS)
      .eq('user_id', userId)
      .gt('alert_triggered_at', since)
      .order('alert_triggered_at', { ascending: true })
      .limit(USER_CHANGES_BATCH)
      .throwOnError(),
  ])
  return {
    orders: parseResponse(z.array(orderChangeSchema), orders.data ?? [], 'your order updates'),
    alerts: parseResponse(z.array(alertChangeSchema), alerts.data ?? [], 'your watchlist alerts'),
  }
}
