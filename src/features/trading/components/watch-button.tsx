import { Star } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { toast } from '@/components/ui/toast-store'
import { useToggleWatchlist, useWatchlistEntry } from '../api/watchlist-entry'

/** Adds or removes the stock from the watchlist; aria-pressed carries the state. */
export function WatchButton({ symbol, userId }: { symbol: string; userId: string }) {
  const entry = useWatchlistEntry(userId, symbol)
  const toggle = useToggleWatchlist(userId, symbol)
  const watched = toggle.isPending ? Boolean(toggle.variables) : Boolean(entry.data)
  return (
    <Button
      variant="secondary"
      aria-pressed={watched}
      disabled={entry.isPending || toggle.isPending}
      onClick={() =>
        toggle.mutate(!watched, {
          onError: (error) =>
            toast({ title: 'Watchlist not updated', description: error.message, tone: 'error' }),
        })
      }
    >
      <Star className={watched ? 'size-4 fill-current text-warn' : 'size-4'} aria-hidden="true" />
      {watched ? 'Watching' : 'Watch'}
    </Button>
  )
}
