import { useState } from 'react'
import { Bell } from 'lucide-react'
import { AlertDialog } from '@/components/alerts/alert-dialog'
import { Button } from '@/components/ui/button'
import { alertThresholds } from '@/lib/alert-form'
import { useWatchlistEntry } from '../api/watchlist-entry'

/**
 * The stock's price alert, set from its page as from the watchlist: the button says the
 * thresholds set, and opens the same dialog. For a stock not watched, saving one adds it to the
 * watchlist, where alerts live.
 */
export function AlertButton({
  stock,
  userId,
}: {
  stock: { symbol: string; name: string; price: number }
  userId: string
}) {
  const entry = useWatchlistEntry(userId, stock.symbol)
  const [open, setOpen] = useState(false)
  if (entry.data === undefined) return null
  const thresholds = entry.data && alertThresholds(entry.data)
  return (
    <>
      <Button variant="secondary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <Bell className="size-4" aria-hidden="true" />
        {!thresholds ? (
          'Set alert'
        ) : (
          <span>
            Alert <span className="tabular-nums">{thresholds}</span>
          </span>
        )}
      </Button>
      <AlertDialog
        entry={
          open
            ? {
                symbol: stock.symbol,
                alert_above: entry.data?.alert_above ?? null,
                alert_below: entry.data?.alert_below ?? null,
                stocks: { name: stock.name, price: stock.price },
                watched: entry.data !== null,
              }
            : null
        }
        userId={userId}
        onClose={() => setOpen(false)}
      />
    </>
  )
}
