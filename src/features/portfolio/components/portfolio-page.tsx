import { ListOrdered } from 'lucide-react'
import { Link } from 'react-router'
import { EmptyState } from '@/components/ui/empty-state'
import { PageTitle } from '@/components/ui/page-title'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { useUserId } from '@/lib/use-session'
import { useAccount } from '../api/get-account'
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
  const failed = account.error ?? positions.error

  return (
    <div className="flex flex-col gap-6">
      <PageTitle>Portfolio</PageTitle>
      <h1 className="text-2xl font-semibold">Portfolio</h1>
      {failed ? (
        <QueryError
          what="your portfolio"
          error={failed}
          onRetry={() => void Promise.all([account.refetch(), positions.refetch()])}
        />
      ) : !account.data || !positions.data ? (
        <PortfolioSkeleton />
      ) : (
        <>
          <LiveOverview userId={userId} account={account.data} positions={positions.data} />
          <HoldingsSection userId={userId} account={account.data} positions={positions.data} />
        </>
      )}

      <section aria-labelledby="open-orders-title" className="flex flex-col gap-3">
        {/* Focusable from code: it takes focus when the last open order is cancelled. */}
        <h2 id="open-orders-title" tabIndex={-1} className="text-lg font-semibold">
          Open orders
        </h2>
        {openOrders.error ? (
          <QueryError
            what="your open orders"
            error={openOrders.error}
            onRetry={() => void openOrders.refetch()}
          />
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
    </div>
  )
}
