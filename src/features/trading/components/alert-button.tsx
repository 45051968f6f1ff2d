import { useState } from 'react'
import { Bell } from 'lucide-react'
import { AlertDialog } from '@/components/alerts/alert-dialog'
import { Button } from '@/components/ui/button'
import { alertThresholds } from '@/lib/alert-form'
import { useWatchlistEntry } from '../api/watchlist-entry'

/**
 * The price alert of a watched stock, set from its page as from the watchlist: the button says
 * the thresholds set, and opens the same dialog. Nothing shows for a stock not watched.
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
  if (!entry.data) return null
  const thresholds = alertThresholds(entry.data)
  return (
    <>
      <Button variant="secondary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <Bell className="size-4" aria-hidden="true" />
        {thresholds === null ? (
          'Set alert'
        ) : (
          <span>
            Alert <span className="tabular-nums">{thresholds}</span>
          </span>
        )}
      </Button>
      <AlertDialog
        entry={open ? { ...entry.data, stocks: { name: stock.name, price: stock.price } } : null}
        userId={userId}
        onClose={() => setOpen(false)}
      />
    </>
  )
}
