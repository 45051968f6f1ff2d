import { useMemo, useState } from 'react'
import { Star } from 'lucide-react'
import { AlertDialog } from '@/components/alerts/alert-dialog'
import { EmptyState } from '@/components/ui/empty-state'
import { PageTitle } from '@/components/ui/page-title'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { toast } from '@/components/ui/toast-store'
import { useOpenPositions } from '@/lib/api/get-open-positions'
import { useUserId } from '@/lib/use-session'
import { useAddToWatchlist } from '@/lib/api/add-to-watchlist'
import { useDismissAlert } from '../api/dismiss-alert'
import { useAlertEvents } from '../api/get-alert-events'
import { useWatchlist, type WatchlistEntry } from '../api/get-watchlist'
import { useRemoveFromWatchlist } from '@/lib/api/remove-from-watchlist'
import { AddSymbol } from './add-symbol'
import { TriggeredAlerts } from './triggered-alerts'
import { WatchlistTable } from './watchlist-table'

export function WatchlistPage() {
  const userId = useUserId()
  const watchlist = useWatchlist(userId)
  const add = useAddToWatchlist(userId)
  const remove = useRemoveFromWatchlist(userId)
  const dismiss = useDismissAlert(userId)
  const alerts = useAlertEvents(userId)
  const positions = useOpenPositions(userId)
  const [editing, setEditing] = useState<WatchlistEntry | null>(null)
  const existing = useMemo(
    () => new Set((watchlist.data ?? []).map((entry) => entry.symbol)),
    [watchlist.data],
  )
  // A stock taken off the watchlist takes its alerts off the page with it.
  const shownAlerts = useMemo(
    () => (alerts.data ?? []).filter((alert) => existing.has(alert.symbol)),
    [alerts.data, existing],
  )
  const heldSymbols = useMemo(
    () => new Set((positions.data ?? []).map((position) => position.symbol)),
    [positions.data],
  )

  function addSymbol(symbol: string) {
    add.mutate(symbol, {
      onSuccess: () => toast({ title: `${symbol} added to your watchlist`, tone: 'success' }),
      onError: (error) =>
        toast({ title: `${symbol} could not be added`, description: error.message, tone: 'error' }),
    })
  }

  function dismissAlert(id: number) {
    dismiss.mutate(id, {
      onError: (error) =>
        toast({
          title: 'The alert could not be dismissed',
          description: error.message,
          tone: 'error',
        }),
    })
  }

  function removeSymbol(symbol: string) {
    remove.mutate(symbol, {
      onSuccess: () => toast({ title: `${symbol} removed from your watchlist` }),
      onError: (error) =>
        toast({
          title: `${symbol} could not be removed`,
          description: error.message,
          tone: 'error',
        }),
    })
  }

  return (
    <div className="flex flex-col gap-5">
      <PageTitle>Watchlist</PageTitle>
      <h1 className="text-2xl font-semibold">Watchlist</h1>
      <AddSymbol existing={existing} onAdd={addSymbol} pending={add.isPending} />

      {/* Only when there is no list: a later failed read keeps the one on screen. */}
      {watchlist.isLoadingError ? (
        <QueryError
          what="your watchlist"
          error={watchlist.error}
          onRetry={() => void watchlist.refetch()}
        />
      ) : !watchlist.data ? (
        <div aria-busy="true" aria-label="Loading watchlist" className="flex flex-col gap-2">
          {Array.from({ length: 4 }, (_, index) => (
            <Skeleton key={index} className="h-12 w-full" />
          ))}
        </div>
      ) : watchlist.data.length === 0 ? (
        <EmptyState
          icon={<Star className="size-6" aria-hidden="true" />}
          title="Your watchlist is empty"
        >
          Search for a stock above to follow its price, or use the star on any stock’s page. Set a
          price alert and you will be notified when it is crossed.
        </EmptyState>
      ) : (
        <>
          <TriggeredAlerts
            alerts={shownAlerts}
            heldSymbols={heldSymbols}
            onDismiss={dismissAlert}
            dismissingId={dismiss.isPending ? (dismiss.variables ?? null) : null}
          />
          <section aria-labelledby="watched-title" className="flex flex-col gap-2">
            <h2 id="watched-title" className="text-lg font-semibold">
              Watched stocks
            </h2>
            <WatchlistTable
              entries={watchlist.data}
              onEditAlert={setEditing}
              onRemove={removeSymbol}
              removingSymbol={remove.isPending ? (remove.variables ?? null) : null}
            />
          </section>
        </>
      )}
      <AlertDialog entry={editing} userId={userId} onClose={() => setEditing(null)} />
    </div>
  )
}
