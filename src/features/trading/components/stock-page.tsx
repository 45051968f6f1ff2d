import { useEffect, useRef } from 'react'
import { ArrowLeft, SearchX } from 'lucide-react'
import { Link, useLocation, useParams, useSearchParams } from 'react-router'
import { OpenOrders } from '@/components/orders/open-orders'
import { EmptyState } from '@/components/ui/empty-state'
import { PageTitle } from '@/components/ui/page-title'
import { QueryError } from '@/components/ui/query-error'
import { Price } from '@/components/ui/price'
import { Skeleton } from '@/components/ui/skeleton'
import { cn } from '@/components/ui/cn'
import {
  dayChange,
  formatCurrency,
  formatPercent,
  formatSignedCurrency,
  signClass,
} from '@/lib/format'
import { useOpenOrders } from '@/lib/api/get-open-orders'
import { marketUrl } from '@/lib/market-link'
import type { Stock } from '@/lib/models'
import { LG_UP, useMediaQuery } from '@/lib/use-media-query'
import { useConnection, useQuote } from '@/lib/use-quote'
import { useSession } from '@/lib/use-session'
import { useStock } from '../api/get-stock'
import { KeyStats } from './key-stats'
import { OrderTicket, SignInToTrade } from './order-ticket'
import { PositionCard } from './position-card'
import { PriceChart } from './price-chart'
import { RecentTrades } from './recent-trades'
import { TradeBar } from './trade-bar'
import { WatchButton } from './watch-button'
import { AlertButton } from './alert-button'

export function StockPage() {
  const symbol = (useParams().symbol ?? '').toUpperCase()
  const stock = useStock(symbol)

  if (stock.isPending) {
    return (
      <div aria-busy="true" aria-label={`Loading ${symbol}`} className="flex flex-col gap-4">
        <Skeleton className="h-10 w-64" />
        <Skeleton className="h-96 w-full" />
      </div>
    )
  }
  // A failed refetch keeps the page it has; only a stock never loaded is an error page.
  if (stock.isLoadingError) {
    return (
      <div className="py-8">
        <PageTitle>{symbol}</PageTitle>
        <QueryError what="this stock" error={stock.error} onRetry={() => void stock.refetch()}>
          <Link to={marketUrl()} className="text-sm font-medium text-link underline">
            Back to the market
          </Link>
        </QueryError>
      </div>
    )
  }
  if (!stock.data) {
    return (
      <div className="py-8">
        <PageTitle>{`${symbol} not found`}</PageTitle>
        <h1 className="sr-only">{symbol} not found</h1>
        <EmptyState
          icon={<SearchX className="size-10" aria-hidden="true" />}
          title={`${symbol} is not listed`}
          action={
            <Link to="/" className="text-sm font-medium text-link underline">
              Browse the market
            </Link>
          }
        >
          StockTrade lists well-known US stocks only. Check the symbol or pick one from the market.
        </EmptyState>
      </div>
    )
  }
  return <StockDetail stock={stock.data} />
}

function StockHeader({ stock }: { stock: Stock }) {
  const quote = useQuote(stock.symbol)
  const { stale } = useConnection()
  const price = quote?.price ?? stock.price
  const { change, ratio } = dayChange(price, quote?.previous_close ?? stock.previous_close)
  return (
    <div>
      {/* the live price in the tab, as trading sites do */}
      <PageTitle>{`${stock.symbol} ${formatCurrency(price)} ${formatPercent(ratio)}`}</PageTitle>
      <h1 className="text-2xl font-semibold">
        {stock.symbol} <span className="text-base font-normal text-muted">{stock.name}</span>
      </h1>
      <p className="text-xs text-muted">
        {stock.exchange} · {stock.sector}
      </p>
      <p className="mt-2 flex flex-wrap items-baseline gap-x-3 text-3xl font-semibold">
        <Price
          value={price}
          direction={quote?.direction}
          flashKey={quote?.changeSeq}
          stale={stale}
          className="pl-0"
        />
        <span className={cn('text-base font-medium tabular-nums', signClass(change))}>
          {formatSignedCurrency(change)} ({formatPercent(ratio)}) today
        </span>
        {stale && <span className="text-xs font-normal text-warn">Prices delayed</span>}
      </p>
    </div>
  )
}

/** The user's resting orders in this stock, to watch and cancel where they were placed. */
function OpenOrdersHere({ symbol, userId }: { symbol: string; userId: string }) {
  const openOrders = useOpenOrders(userId)
  const here = openOrders.data?.filter((order) => order.symbol === symbol) ?? []
  if (here.length === 0) return null
  return (
    <section aria-labelledby="open-orders-here" className="flex flex-col gap-2">
      <h2 id="open-orders-here" className="text-sm font-semibold">
        Your open orders in {symbol}
      </h2>
      {/* When the last one is cancelled this section goes: focus moves on to the ticket. */}
      <OpenOrders orders={here} userId={userId} emptyFocusId="order-ticket" />
    </section>
  )
}

function StockDetail({ stock }: { stock: Stock }) {
  const session = useSession()
  const location = useLocation()
  const [params] = useSearchParams()
  const initialSide = params.get('side') === 'sell' ? 'sell' : 'buy'
  const userId = session.status === 'signed-in' ? session.user.id : null
  const ticket = useRef<HTMLElement>(null)
  // Two columns (the grid's lg:): the position sits under the ticket. In one column it comes
  // right after the chart, as trading apps show it, not below the whole ticket.
  const twoColumns = useMediaQuery(LG_UP)
  const position = userId && <PositionCard symbol={stock.symbol} userId={userId} />

  useEffect(() => {
    if (location.hash === '#order-ticket') document.getElementById('order-ticket')?.focus()
  }, [location.hash])

  return (
    <div className="flex flex-col gap-4">
      <Link
        to={marketUrl()}
        className="inline-flex w-fit items-center gap-1 text-sm text-link hover:underline"
      >
        <ArrowLeft className="size-4" aria-hidden="true" /> Market
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <StockHeader stock={stock} />
        {userId && (
          <div className="flex flex-wrap gap-2">
            <WatchButton symbol={stock.symbol} userId={userId} />
            <AlertButton
              stock={{ symbol: stock.symbol, name: stock.name, price: Number(stock.price) }}
              userId={userId}
            />
          </div>
        )}
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <PriceChart
            symbol={stock.symbol}
            dayOpen={Number(stock.day_open)}
            previousClose={Number(stock.previous_close)}
            userId={userId}
          />
          {!twoColumns && position}
          <KeyStats stock={stock} />
          {userId && <OpenOrdersHere symbol={stock.symbol} userId={userId} />}
          {userId && <RecentTrades symbol={stock.symbol} userId={userId} />}
        </div>
        <div className="flex flex-col gap-4">
          <section
            ref={ticket}
            id="order-ticket"
            tabIndex={-1}
            aria-labelledby="ticket-heading"
            className="scroll-mt-16 rounded-lg border border-border bg-surface p-4"
          >
            <h2 id="ticket-heading" className="mb-3 text-sm font-semibold">
              Trade {stock.symbol}
            </h2>
            {userId ? (
              <OrderTicket
                key={`${stock.symbol}:${initialSide}`}
                symbol={stock.symbol}
                userId={userId}
                initialSide={initialSide}
              />
            ) : session.status === 'loading' ? (
              <Skeleton className="h-40 w-full" />
            ) : (
              <SignInToTrade symbol={stock.symbol} />
            )}
          </section>
          {twoColumns && position}
        </div>
      </div>
      {userId && <TradeBar symbol={stock.symbol} ticket={ticket} />}
    </div>
  )
}
