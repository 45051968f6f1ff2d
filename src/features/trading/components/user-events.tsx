import { useEffect, useRef } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { invalidateTradingState } from '@/lib/api/invalidate-trading-state'
import { POLL_EVERY_MS } from '@/lib/price-store'
import { queryKeys } from '@/lib/query-keys'
import { supabase } from '@/lib/supabase'
import { useConnection } from '@/lib/use-quote'
import { useSession } from '@/lib/use-session'
import { alertChangeSchema, orderChangeSchema } from '../api/get-user-changes'
import {
  announceOrderChange,
  createUserEventsSync,
  type UserEventsSync,
} from '../lib/user-events-sync'

/**
 * Per-user live events, on every page: order fills, engine rejections and expiries and watchlist
 * alerts arrive through postgres_changes (RLS decides what is delivered), turn into toasts, and
 * refresh the queries that depend on them. Realtime does not replay what it missed, so each
 * (re)subscribe, and each poll while Realtime is down, runs a catch-up that announces what the
 * user has not heard of yet.
 */
export function UserEvents() {
  const session = useSession()
  const queryClient = useQueryClient()
  const { polling } = useConnection()
  const userId = session.status === 'signed-in' ? session.user.id : null
  const sync = useRef<UserEventsSync | null>(null)

  useEffect(() => {
    if (!userId) return
    const refreshTrading = () => void invalidateTradingState(queryClient, userId)
    const refreshWatchlist = () =>
      void queryClient.invalidateQueries({ queryKey: queryKeys.watchlist.all(userId) })

    const events = createUserEventsSync(userId, {
      onOrders: refreshTrading,
      onAlerts: refreshWatchlist,
    })
    sync.current = events
    const channel = supabase
      .channel(`user-events:${userId}`)
      .on(
        'postgres_changes',
        { event: '*', schema: 'public', table: 'orders', filter: `user_id=eq.${userId}` },
        (change) => {
          const order = orderChangeSchema.safeParse(change.new)
          if (!order.success) {
            // A delete, or a row this app version cannot read: the catch-up reads it properly.
            void events.run()
          } else if (order.data.status !== 'rejected' || order.data.reject_reason) {
            // market_tick marks a resting order rejected, then records why in a second update:
            // wait for the reason rather than announce it without one.
            announceOrderChange(order.data)
          }
          refreshTrading()
        },
      )
      .on(
        'postgres_changes',
        { event: 'UPDATE', schema: 'public', table: 'wishlists', filter: `user_id=eq.${userId}` },
        (change) => {
          const row = alertChangeSchema.safeParse(change.new)
          if (row.success) events.alert(row.data)
          else void events.run()
          refreshWatchlist()
        },
      )
      .subscribe((status) => {
        if (status === 'SUBSCRIBED') {
          refreshTrading()
          refreshWatchlist()
          void events.run()
        }
      })
    return () => {
      events.stop()
      sync.current = null
      void supabase.removeChannel(channel)
    }
  }, [userId, queryClient])

  // Without Realtime nothing else would tell the user that a resting order filled.
  useEffect(() => {
    if (!polling || !userId) return
    void sync.current?.run()
    const timer = setInterval(() => void sync.current?.run(), POLL_EVERY_MS)
    return () => clearInterval(timer)
  }, [polling, userId])

  return null
}
