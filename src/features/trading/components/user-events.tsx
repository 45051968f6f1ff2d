import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { toast } from '@/components/ui/toast-store'
import { createAlertTracker } from '@/lib/alert-notices'
import { claimFillNotice, describeFill } from '@/lib/fill-notices'
import { formatCurrency } from '@/lib/format'
import type { Order, WatchlistRow } from '@/lib/models'
import { queryKeys } from '@/lib/query-keys'
import { supabase } from '@/lib/supabase'
import { useSession } from '@/lib/use-session'

/**
 * Per-user live events, on every page: order fills/expiries and watchlist alerts arrive through
 * postgres_changes (RLS decides what is delivered), turn into toasts, and refresh the queries
 * that depend on them. On each (re)subscribe the same queries are refreshed, because Realtime
 * does not replay what was missed.
 */
export function UserEvents() {
  const session = useSession()
  const queryClient = useQueryClient()
  const userId = session.status === 'signed-in' ? session.user.id : null

  useEffect(() => {
    if (!userId) return
    const refreshTrading = () => {
      for (const key of [
        queryKeys.profile(userId),
        queryKeys.portfolio.all(userId),
        queryKeys.orders.all(userId),
        queryKeys.transactions.all(userId),
        queryKeys.leaderboard.all,
      ]) {
        void queryClient.invalidateQueries({ queryKey: key })
      }
    }

    const alerts = createAlertTracker(Date.now())
    const channel = supabase
      .channel(`user-events:${userId}`)
      .on(
        'postgres_changes',
        { event: '*', schema: 'public', table: 'orders', filter: `user_id=eq.${userId}` },
        (change) => {
          const order = change.new as Partial<Order>
          const before = change.old as Partial<Order>
          if (order.status === 'filled' && before?.status !== 'filled' && order.id) {
            if (claimFillNotice(order.id)) {
              toast({
                title: describeFill(order as Order),
                tone: 'success',
                action: { label: 'View portfolio', href: '/portfolio' },
              })
            }
          } else if (order.status === 'expired' && before?.status !== 'expired') {
            toast({
              title: `Order expired: ${order.side} ${order.symbol}`,
              description: 'Day orders that do not fill by the end of the trading day expire.',
            })
          }
          refreshTrading()
        },
      )
      .on(
        'postgres_changes',
        { event: 'UPDATE', schema: 'public', table: 'wishlists', filter: `user_id=eq.${userId}` },
        (change) => {
          // `old` holds only the primary key under RLS, so the new row alone says whether it fired.
          const row = change.new as Partial<WatchlistRow>
          if (row.symbol && alerts.claim(row.symbol, row.alert_triggered_at)) {
            const crossed = row.alert_triggered_direction === 'below' ? 'fell below' : 'rose above'
            toast({
              title: `Alert: ${row.symbol} ${crossed} your target`,
              description: `Now ${formatCurrency(row.alert_triggered_price)}.`,
              action: { label: `Trade ${row.symbol}`, href: `/stocks/${row.symbol}#order-ticket` },
              durationMs: 15_000,
            })
          }
          void queryClient.invalidateQueries({ queryKey: queryKeys.watchlist.all(userId) })
        },
      )
      .subscribe((status) => {
        if (status === 'SUBSCRIBED') {
          refreshTrading()
          void queryClient.invalidateQueries({ queryKey: queryKeys.watchlist.all(userId) })
        }
      })
    return () => void supabase.removeChannel(channel)
  }, [userId, queryClient])

  return null
}
