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
