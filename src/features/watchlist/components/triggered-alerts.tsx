import { BellRing, X } from 'lucide-react'
import { Link } from 'react-router'
import { Button } from '@/components/ui/button'
import { formatCurrency, formatDateTime } from '@/lib/format'
import type { WatchlistEntry } from '../api/get-watchlist'
import { orderTicketHref } from '@/lib/order-ticket'

/**
 * Alerts that fired, newest first, each one click away from the order ticket (selling only
 * where the user holds shares), until dismissed.
 */
export function TriggeredAlerts({
  entries,
  heldSymbols,
  onDismiss,
  dismissingSymbol,
}: {
  entries: readonly WatchlistEntry[]
  heldSymbols: ReadonlySet<string>
  onDismiss: (symbol: string) => void
  dismissingSymbol: string | null
}) {
  const fired = entries
    .filter((entry) => entry.alert_triggered_at !== null)
    .sort((a, b) => (b.alert_triggered_at ?? '').localeCompare(a.alert_triggered_at ?? ''))
  if (fired.length === 0) return null
  return (
    <section aria-labelledby="triggered-alerts-title" className="flex flex-col gap-2">
      <h2 id="triggered-alerts-title" className="text-lg font-semibold">
        Triggered alerts
      </h2>
      <ul className="flex flex-col gap-2">
        {fired.map((entry) => {
          const rose = entry.alert_triggered_direction !== 'below'
          return (
            <li
              key={entry.symbol}
              className="flex flex-wrap items-center gap-3 rounded-lg border border-warn bg-warn-tint p-3"
            >
              <BellRing className="size-5 shrink-0 text-warn" aria-hidden="true" />
              <p className="min-w-0 flex-1 basis-[calc(100%-2.5rem)] text-sm sm:basis-auto">
                <span className="font-semibold">{entry.symbol}</span> {rose ? 'rose to' : 'fell to'}{' '}
                <span className="tabular-nums">{formatCurrency(entry.alert_triggered_price)}</span>{' '}
                <span className="text-muted">
                  at{' '}
                  <time dateTime={entry.alert_triggered_at ?? undefined}>
                    {formatDateTime(entry.alert_triggered_at)}
                  </time>
                </span>
              </p>
              <Link
                to={orderTicketHref(entry.symbol, 'buy')}
                className="inline-flex h-8 items-center rounded-md bg-primary px-3 text-sm font-medium text-primary-fg hover:bg-primary-hover"
              >
                Buy {entry.symbol}
              </Link>
              {heldSymbols.has(entry.symbol) && (
                <Link
                  to={orderTicketHref(entry.symbol, 'sell')}
                  className="inline-flex h-8 items-center rounded-md border border-border px-3 text-sm font-medium hover:bg-surface-2"
                >
                  Sell {entry.symbol}
                </Link>
              )}
              <Button
                variant="ghost"
                size="sm"
                className="ml-auto px-2"
                onClick={() => onDismiss(entry.symbol)}
                disabled={dismissingSymbol === entry.symbol}
                aria-label={`Dismiss the ${entry.symbol} alert`}
              >
                <X className="size-4" aria-hidden="true" />
              </Button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
