import { ListOrdered } from 'lucide-react'
import { Link } from 'react-router'
import { EmptyState } from '@/components/ui/empty-state'
import { PageTitle } from '@/components/ui/page-title'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { useUserId } from '@/lib/use-session'
import { useAccount } from '../api/get-account'
import { useEquityHistory } from '../api/get-equity-history'
import { useOpenOrders } from '@/lib/api/get-open-orders'
import { usePositions } from '../api/get-positions'
import { HoldingsSection } from './holdings-section'
import { LiveOverview } from './live-overview'
import { OpenOrders } from '@/components/orders/open-orders'

function PortfolioSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading portfolio" className="flex flex-col gap-4">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-6">
        {Array.from({ length: 5 }, (_, index) => (
          <Skeleton key={index} className={index === 0 ? 'col-span-2 h-20' : 'h-20'} />
        ))}
      </div>
      <Skeleton className="h-64 w-full" />
      <Skeleton className="h-40 w-full" />
    </div>
  )
}

export function PortfolioPage() {
  const userId = useUserId()
  const account = useAccount(userId)
  const positions = usePositions(userId)
  const openOrders = useOpenOrders(userId)
  // The curve's query (LiveOverview and HoldingsSection read it too), for "Try again".
  const history = useEquityHistory(userId, account.data)
  // Only a read with nothing to show is an error on screen: a later failed read keeps the data.
  const pageFailed = account.isLoadingError || positions.isLoadingError
  // The one block of a page that could not load says it for the open orders too.
  const showOpenOrders = !(pageFailed && openOrders.isLoadingError)

  /** Every "Try again" on the page retries every read of it that failed, not only its own. */
  function retryFailed() {
    for (const query of [account, positions, openOrders, history]) {
      if (query.isError) void query.refetch()
    }
  }

  return (
    <div className="flex flex-col gap-6">
      <PageTitle>Portfolio</PageTitle>
      <h1 className="text-2xl font-semibold">Portfolio</h1>
      {pageFailed ? (
        <QueryError
          what="your portfolio"
          error={account.error ?? positions.error}
          onRetry={retryFailed}
        />
      ) : !account.data || !positions.data ? (
        <PortfolioSkeleton />
      ) : (
        <>
          <LiveOverview
            userId={userId}
            account={account.data}
            positions={positions.data}
            onRetry={retryFailed}
          />
          <HoldingsSection userId={userId} account={account.data} positions={positions.data} />
        </>
      )}

      {showOpenOrders && (
        <section aria-labelledby="open-orders-title" className="flex flex-col gap-3">
          {/* Focusable from code: it takes focus when the last open order is cancelled. */}
          <h2 id="open-orders-title" tabIndex={-1} className="text-lg font-semibold">
            Open orders
          </h2>
          {openOrders.isLoadingError ? (
            <QueryError what="your open orders" error={openOrders.error} onRetry={retryFailed} />
          ) : !openOrders.data ? (
            <Skeleton className="h-24 w-full" />
          ) : openOrders.data.length === 0 ? (
            <EmptyState
              icon={<ListOrdered className="size-6" aria-hidden="true" />}
              title="No open orders"
            >
              Limit and stop orders wait here until the price reaches them. Place one from a stock’s
              order ticket on the{' '}
              <Link to="/" className="text-link underline">
                Market
              </Link>{' '}
              page.
            </EmptyState>
          ) : (
            <OpenOrders orders={openOrders.data} userId={userId} emptyFocusId="open-orders-title" />
          )}
        </section>
      )}
    </div>
  )
}
