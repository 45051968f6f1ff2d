import { useMemo } from 'react'
import { History } from 'lucide-react'
import { Link, useSearchParams } from 'react-router'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PageTitle } from '@/components/ui/page-title'
import { QueryError } from '@/components/ui/query-error'
import { SegmentedControl } from '@/components/ui/segmented-control'
import { Skeleton } from '@/components/ui/skeleton'
import { useStocks } from '@/lib/api/get-stocks'
import { useUserId } from '@/lib/use-session'
import { useCurrentRun } from '../api/get-current-run'
import { useFills } from '../api/get-fills'
import { useOrders } from '../api/get-orders'
import { HISTORY_PAGE_SIZE, type ListFilters } from '../api/query-filters'
import { historySearchParams, parseHistoryFilters, type HistoryView } from '../lib/filters'
import { ExportCsvButton } from './export-csv-button'
import { FillsTable } from './fills-table'
import { HistoryFiltersForm } from './history-filters'
import { OrdersTable } from './orders-table'
import { Pagination } from './pagination'

const views = [
  { value: 'fills', label: 'Fills' },
  { value: 'orders', label: 'Orders' },
] as const

export function HistoryPage() {
  const userId = useUserId()
  const [params, setParams] = useSearchParams()
  const filters = parseHistoryFilters(params)
  const listFilters: ListFilters = {
    symbol: filters.symbol,
    side: filters.side,
    from: filters.from,
    to: filters.to,
  }
  const filtered = Object.values(listFilters).some((value) => value !== undefined)
  const currentRun = useCurrentRun(userId)
  const stocks = useStocks()
  const listed = useMemo(
    () => (stocks.data ? new Set(stocks.data.map((stock) => stock.symbol)) : undefined),
    [stocks.data],
  )
  const fills = useFills(userId, listFilters, filters.page, filters.view === 'fills')
  const orders = useOrders(userId, listFilters, filters.page, filters.view === 'orders')
  const list = filters.view === 'fills' ? fills : orders
  const noun = filters.view === 'fills' ? 'fills' : 'orders'

  // A page number past the end (an old link) is answered "range not satisfiable" (PostgREST
  // PGRST103), or with no rows once the total shrank under a page already on screen.
  const pastTheEnd = list.isLoadingError
    ? filters.page > 1 && (list.error as { code?: unknown }).code === 'PGRST103'
    : list.data !== undefined && list.data.rows.length === 0 && list.data.total > 0

  function update(
    next: Partial<typeof filters>,
    options?: { preventScrollReset?: boolean; replace?: boolean },
  ) {
    setParams(historySearchParams({ ...filters, page: 1, ...next }), options)
  }

  // Filters apply as they change (a symbol at each pause in typing), so they replace the history
  // entry, as the market's do: Back leaves the page instead of stepping through every edit, and
  // returns to the latest filters. Nor may the page jump to the top under the field being edited.
  function filter(next: ListFilters) {
    update(
      { symbol: undefined, side: undefined, from: undefined, to: undefined, ...next },
      { preventScrollReset: true, replace: true },
    )
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageTitle>History</PageTitle>
        <h1 className="text-2xl font-semibold">History</h1>
        <ExportCsvButton
          userId={userId}
          view={filters.view}
          filters={listFilters}
          currentRun={currentRun.data}
        />
      </div>
      <SegmentedControl
        label="Show"
        size="md"
        value={filters.view}
        options={views}
        onChange={(view: HistoryView) => update({ view })}
        className="self-start"
      />
      <HistoryFiltersForm filters={listFilters} onChange={filter} listed={listed} />

      {pastTheEnd ? (
        <div className="flex flex-col items-start gap-3 rounded-lg border border-border p-4 text-sm">
          <p>This page is past the end of your {noun}.</p>
          <Button variant="secondary" onClick={() => update({})}>
            Go to the first page
          </Button>
        </div>
      ) : list.isLoadingError ? (
        // Only when there is nothing to show: a later failed read keeps the rows on screen.
        <QueryError what={`your ${noun}`} error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <div aria-busy="true" aria-label={`Loading ${noun}`} className="flex flex-col gap-2">
          {Array.from({ length: 6 }, (_, index) => (
            <Skeleton key={index} className="h-10 w-full" />
          ))}
        </div>
      ) : list.data.total === 0 ? (
        <EmptyState
          icon={<History className="size-6" aria-hidden="true" />}
          title={filtered ? `No ${noun} match these filters` : `No ${noun} yet`}
        >
          {filtered ? (
            'Change or clear the filters to see more.'
          ) : (
            <>
              Every order you place and every fill appears here. Start on the{' '}
              <Link to="/" className="text-link underline">
                Market
              </Link>{' '}
              page.
            </>
          )}
        </EmptyState>
      ) : (
        <div aria-busy={list.isPlaceholderData} className="flex flex-col gap-3">
          {filters.view === 'fills' && fills.data ? (
            <FillsTable rows={fills.data.rows} currentRun={currentRun.data} />
          ) : orders.data ? (
            <OrdersTable rows={orders.data.rows} currentRun={currentRun.data} userId={userId} />
          ) : null}
          <Pagination
            label={filters.view === 'fills' ? 'Fills' : 'Orders'}
            page={filters.page}
            pageSize={HISTORY_PAGE_SIZE}
            total={list.data.total}
            onPage={(page) => setParams(historySearchParams({ ...filters, page }))}
          />
        </div>
      )}
    </div>
  )
}
