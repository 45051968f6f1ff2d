import { toast } from '@/components/ui/toast-store'
import { alertHeadline, createAlertTracker, type AlertTracker } from '@/lib/alert-notices'
import { claimFillNotice } from '@/lib/fill-notices'
import { formatCurrency, formatQuantity } from '@/lib/format'
import { logger } from '@/lib/logger'
import { orderTicketHref } from '@/lib/order-ticket'
import { describeRejectReason } from '@/lib/reject-reasons'
import { announceFill } from './announce-fill'
import {
  getUserChanges,
  getUserEventsStart,
  type AlertChange,
  type OrderChange,
  USER_CHANGES_BATCH,
} from '../api/get-user-changes'

/**
 * How far each catch-up looks back before its cursor. A market order's transaction can start
 * before a tick and commit after it, landing behind the cursor; re-reading a few seconds costs
 * nothing because every notice is claimed once.
 */
const OVERLAP_MS = 10_000

/** One toast per order that ended (filled, rejected by the engine, expired), however it was heard of. */
export function announceOrderChange(order: OrderChange): void {
  if (order.status === 'filled') {
    if (order.filled_price === null) return
    void announceFill({ ...order, filled_price: order.filled_price })
  } else if (order.status === 'expired') {
    if (!claimFillNotice(order.id)) return
    toast({
      title: `Order expired: ${order.side} ${formatQuantity(order.quantity)} ${order.symbol}`,
      description: 'Day orders that do not fill by the end of the trading day expire.',
    })
  } else if (order.status === 'rejected') {
    if (!claimFillNotice(order.id)) return
    toast({
      title: `Order rejected: ${order.side} ${formatQuantity(order.quantity)} ${order.symbol}`,
      description: `${describeRejectReason(order.reject_reason)} Nothing was traded.`,
      tone: 'error',
      durationMs: 15_000,
    })
  }
}

function announceAlert(row: AlertChange): void {
  const headline = alertHeadline({
    symbol: row.symbol,
    direction: row.alert_triggered_direction,
    price: row.alert_triggered_price,
    threshold: row.alert_triggered_threshold,
  })
  toast({
    title: `Alert: ${headline}`,
    description: `Now ${formatCurrency(row.alert_triggered_price)}.`,
    action: { label: `Trade ${row.symbol}`, href: orderTicketHref(row.symbol) },
    durationMs: 15_000,
  })
}

const later = (a: string, b: string) => (Date.parse(b) > Date.parse(a) ? b : a)

/**
 * Announces what happened to the user's orders and alerts that Realtime did not deliver: call
 * `run()` on every (re)subscribe and on each poll while Realtime is down. The cursor is a server
 * time taken from the rows themselves, so the browser's clock never decides what is new.
 * `onOrders` / `onAlerts` refresh the queries that depend on them, when something changed.
 */
export function createUserEventsSync(
  userId: string,
  { onOrders, onAlerts }: { onOrders: () => void; onAlerts: () => void },
) {
  let start: string | null = null
  let cursor = ''
  let alerts: AlertTracker | null = null
  let fullBatch = false
  let stopped = false
  let running: Promise<void> | null = null
  let again = false

  async function catchUp() {
    if (start === null) {
      const at = await getUserEventsStart(userId)
      if (stopped) return
      start = cursor = at
      alerts = createAlertTracker(at)
    }
    const since = fullBatch ? cursor : new Date(Date.parse(cursor) - OVERLAP_MS).toISOString()
    const changes = await getUserChanges(userId, since)
    if (stopped || !alerts) return
    // A full batch may stop inside the overlap window; continue from the cursor itself.
    fullBatch =
      changes.orders.length >= USER_CHANGES_BATCH || changes.alerts.length >= USER_CHANGES_BATCH
    const before = Date.parse(cursor)
    let ordersChanged = false
    for (const order of changes.orders) {
      if (Date.parse(order.updated_at) <= Date.parse(start)) continue
      announceOrderChange(order)
      ordersChanged ||= Date.parse(order.updated_at) > before
      cursor = later(cursor, order.updated_at)
    }
    let alertsChanged = false
    for (const row of changes.alerts) {
      if (alerts.claim(row.symbol, row.alert_triggered_at)) {
        announceAlert(row)
        alertsChanged = true
      }
      if (row.alert_triggered_at) cursor = later(cursor, row.alert_triggered_at)
    }
    if (ordersChanged) onOrders()
    if (alertsChanged) onAlerts()
  }

  /** Runs one catch-up; calls made while one is running fold into a single follow-up. */
  function run(): Promise<void> {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        try {
          await catchUp()
        } catch (error) {
          // The cursor did not move: the next (re)subscribe or poll asks again.
          logger.warn('user events catch-up failed', { error: String(error) })
        }
      } while (again && !stopped)
      running = null
    })()
    return running
  }

  return {
    run,
    /** A Realtime alert: announced if new; before the starting time is known, the catch-up decides. */
    alert(row: AlertChange): void {
      if (!alerts) void run()
      else if (alerts.claim(row.symbol, row.alert_triggered_at)) announceAlert(row)
    },
    stop() {
      stopped = true
    },
  }
}

export type UserEventsSync = ReturnType<typeof createUserEventsSync>
