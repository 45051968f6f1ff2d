import { BellRing, X } from 'lucide-react'
import { Link } from 'react-router'
import { Button } from '@/components/ui/button'
import { alertSummary } from '@/lib/alert-notices'
import { formatDateTime } from '@/lib/format'
import { orderTicketHref } from '@/lib/order-ticket'
import type { AlertEvent } from '../api/get-alert-events'

/**
 * Alerts that fired, newest first (both of a stock's, if both did), each one click away from the
 * order ticket (selling only where the user holds shares), until dismissed.
 */
export function TriggeredAlerts({
  alerts,
  heldSymbols,
  onDismiss,
  dismissingId,
}: {
  alerts: readonly AlertEvent[]
  heldSymbols: ReadonlySet<string>
  onDismiss: (id: number) => void
  dismissingId: number | null
}) {
  if (alerts.length === 0) return null
  return (
    <section aria-labelledby="triggered-alerts-title" className="flex flex-col gap-2">
      <h2 id="triggered-alerts-title" className="text-lg font-semibold">
        Triggered alerts
      </h2>
      <ul className="flex flex-col gap-2">
        {alerts.map((alert) => {
          const summary = alertSummary(alert)
          return (
            <li
              key={alert.id}
              className="flex flex-wrap items-center gap-3 rounded-lg border border-warn bg-warn-tint p-3"
            >
              <BellRing className="size-5 shrink-0 text-warn" aria-hidden="true" />
              <p className="min-w-0 flex-1 basis-[calc(100%-2.5rem)] text-sm sm:basis-auto">
                <span className="tabular-nums">{summary}</span>{' '}
                <span className="text-muted">
                  at <time dateTime={alert.triggered_at}>{formatDateTime(alert.triggered_at)}</time>
                </span>
              </p>
              <Link
                to={orderTicketHref(alert.symbol, 'buy')}
                className="inline-flex h-8 items-center rounded-md bg-primary px-3 text-sm font-medium text-primary-fg hover:bg-primary-hover"
              >
                Buy {alert.symbol}
              </Link>
              {heldSymbols.has(alert.symbol) && (
                <Link
                  to={orderTicketHref(alert.symbol, 'sell')}
                  className="inline-flex h-8 items-center rounded-md border border-border px-3 text-sm font-medium hover:bg-surface-2"
                >
                  Sell {alert.symbol}
                </Link>
              )}
              <Button
                variant="ghost"
                size="sm"
                className="ml-auto px-2"
                onClick={() => onDismiss(alert.id)}
                disabled={dismissingId === alert.id}
                aria-label={`Dismiss the alert: ${summary}`}
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
