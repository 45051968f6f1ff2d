import { formatCurrency, formatTargetPrice } from '@/lib/format'

/**
 * Decides which watchlist alerts are new, from the row alone: for tables under RLS, Realtime
 * sends only the primary key in `old`, so "did alert_triggered_at change" cannot be asked of
 * the event, and a row re-saved for another reason still carries its old alert. An alert is new
 * when it fired after `since`, a server time read when this tab started listening (so the
 * browser's clock does not matter), and after the last alert this tab saw for the symbol.
 */
export type AlertTracker = ReturnType<typeof createAlertTracker>

export function createAlertTracker(since: string) {
  const lastSeen = new Map<string, number>()
  const floor = Date.parse(since)
  return {
    /** True exactly once per (symbol, alert time) that is newer than anything seen before. */
    claim(symbol: string, triggeredAt: string | null | undefined): boolean {
      if (!triggeredAt) return false
      const at = Date.parse(triggeredAt)
      if (Number.isNaN(at) || !(at > floor)) return false
      if (at <= (lastSeen.get(symbol) ?? -Infinity)) return false
      lastSeen.set(symbol, at)
      return true
    },
  }
}

export interface FiredAlert {
  symbol: string
  direction: 'above' | 'below' | null
  price: number | null
  /** The threshold crossed; null for alerts recorded before the database kept it. */
  threshold: number | null
}

const crossed = (alert: FiredAlert) => (alert.direction === 'below' ? 'fell below' : 'rose above')

/** "MSFT rose above your $420.00 target": what the alert was about, for its notice's title. */
export function alertHeadline(alert: FiredAlert): string {
  const target =
    alert.threshold === null ? 'target' : `${formatTargetPrice(alert.threshold)} target`
  return `${alert.symbol} ${crossed(alert)} your ${target}`
}

/** "MSFT rose above your $420.00 target, to $425.00": one fired alert, in a list of them. */
export function alertSummary(alert: FiredAlert): string {
  const to = formatCurrency(alert.price)
  if (alert.threshold === null) {
    return `${alert.symbol} ${alert.direction === 'below' ? 'fell' : 'rose'} to ${to}`
  }
  return `${alertHeadline(alert)}, to ${to}`
}
