/**
 * Decides which watchlist alerts are new, from the updated row alone: for tables under RLS,
 * Realtime sends only the primary key in `old`, so "did alert_triggered_at change" cannot be
 * asked of the event. An alert is new when it fired after the subscription started (less a
 * small allowance for the server's clock) and after the last alert this tab saw for the symbol.
 */
export const CLOCK_SKEW_MS = 5_000

export function createAlertTracker(subscribedAt: number) {
  const lastSeen = new Map<string, number>()
  const floor = subscribedAt - CLOCK_SKEW_MS
  return {
    /** True exactly once per (symbol, alert time) that is newer than anything seen before. */
    claim(symbol: string, triggeredAt: string | null | undefined): boolean {
      if (!triggeredAt) return false
      const at = Date.parse(triggeredAt)
      if (Number.isNaN(at) || at <= floor) return false
      if (at <= (lastSeen.get(symbol) ?? -Infinity)) return false
      lastSeen.set(symbol, at)
      return true
    },
  }
}
