import { useDeferredValue, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react'
import { useSearchParams } from 'react-router'
import { SearchX } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { EmptyState } from '@/components/ui/empty-state'
import { Input } from '@/components/ui/input'
import { PageTitle } from '@/components/ui/page-title'
import { QueryError } from '@/components/ui/query-error'
import { Select } from '@/components/ui/select'
import { Skeleton } from '@/components/ui/skeleton'
import { SortableTh, Table, TableContainer, THead, Th } from '@/components/ui/table'
import { useStocks } from '@/lib/api/get-stocks'
import { useConnection, usePriceStore } from '@/lib/use-quote'
import { useDebouncedValue } from '@/lib/use-debounced-value'
import { useMediaQuery } from '@/lib/use-media-query'
import { rememberMarketView } from '@/lib/market-link'
import { useSparklines } from '../api/get-sparklines'
import { MarketIntro, marketPageClass } from './market-intro'
import { marketSearchParams, parseMarketView, validSector } from './market-params'
import type { MarketView } from './market-params'
import { filterAndSort, firstDirection, LIVE_SORT_KEYS } from './sort-stocks'
import type { SortKey } from './sort-stocks'
import { StockRow } from './stock-row'
import { useRowWindow } from './use-row-window'

/** Re-sort by live columns at this pace rather than on every tick, so rows do not jump around. */
const LIVE_RESORT_MS = 5_000

const columns: Array<{ key: SortKey; label: string; align?: 'right'; className?: string }> = [
  { key: 'symbol', label: 'Symbol', className: 'md:w-28' },
  { key: 'name', label: 'Name', className: 'hidden md:table-cell' },
  { key: 'sector', label: 'Sector', className: 'hidden w-52 lg:table-cell' },
  // Narrower on phones, where Symbol (with the company name under it) takes the rest.
  { key: 'price', label: 'Price', align: 'right', className: 'w-[5.5rem] sm:w-28' },
  { key: 'change', label: 'Change', align: 'right', className: 'hidden w-28 sm:table-cell' },
  { key: 'changePct', label: 'Change %', align: 'right', className: 'w-24 sm:w-28' },
  { key: 'volume', label: 'Volume', align: 'right', className: 'hidden w-28 lg:table-cell' },
]

/**
 * Stands in for the rows that are not rendered, so the scroll height stays right. One plain
 * cell: a cell spanning all 8 columns would make the columns hidden on phones take part in the
 * fixed layout and squeeze the symbol column.
 */
function Spacer({ height }: { height: number }) {
  if (height <= 0) return null
  return (
    <tr aria-hidden="true">
      <td className="p-0" style={{ height }} />
    </tr>
  )
}

const trendClassName = 'hidden w-32 sm:table-cell'

/** A loading row with the same cells as a stock row, so the columns do not move when data lands. */
function SkeletonRow() {
  return (
    <tr className="border-t border-border">
      {[...columns.map((column) => column.className), trendClassName].map((className, i) => (
        <td key={i} className={cn('px-3 py-3', className)}>
          <Skeleton className="h-5 w-full" />
        </td>
      ))}
    </tr>
  )
}

const SEARCH_ID = 'market-search'

/**
 * The "/" shortcut is only worth mentioning where there is likely a keyboard: a fine pointer
 * that hovers, on a screen from the sm breakpoint (not phones, nor a narrow window).
 */
const KEYBOARD_LIKELY = '(hover: hover) and (pointer: fine) and (min-width: 40rem)'

/** What the URL holds for a search text: blank text is no search. */
function searchParam(text: string) {
  return text.trim() === '' ? '' : text
}

export function MarketPage() {
  const stocks = useStocks()
  const sparklines = useSparklines()
  // The rows render at transition priority when the list or the sparklines arrive: React renders
  // them in slices that let the browser in between, not in one long task (on a slow phone, the
  // largest blocking task of the page's load).
  const stockList = useDeferredValue(stocks.data)
  const sparklineMap = useDeferredValue(sparklines.data)
  const loading = stockList === undefined
  const { stale } = useConnection()
  const priceStore = usePriceStore()
  const keyboardLikely = useMediaQuery(KEYBOARD_LIKELY)
  const [params, setParams] = useSearchParams()
  const view = useMemo(() => parseMarketView(params), [params])
  const { sort } = view
  // The input keeps its own text so typing stays smooth; the URL gets it after a pause.
  const [search, setSearch] = useState(view.search)
  const debouncedSearch = useDebouncedValue(search, 200)
  const [resortTick, setResortTick] = useState(0)

  // The URL's search changed. If it is what the field last settled on (the field's own write),
  // the field keeps what was typed since; otherwise (the Market link, Back or Forward, or a sort
  // clicked mid-typing, which writes the field's current text) the field shows the URL's.
  const [urlSearch, setUrlSearch] = useState(view.search)
  if (view.search !== urlSearch) {
    setUrlSearch(view.search)
    if (view.search !== searchParam(debouncedSearch)) setSearch(view.search)
  }

  useEffect(() => rememberMarketView(params), [params])

  useEffect(() => {
    if (!LIVE_SORT_KEYS.has(sort.key)) return
    const timer = setInterval(() => setResortTick((n) => n + 1), LIVE_RESORT_MS)
    return () => clearInterval(timer)
  }, [sort.key])

  useEffect(() => {
    // "/" jumps to the search, as on GitHub or most finance sites; not while typing elsewhere.
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return
      const target = event.target as Element | null
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return
      event.preventDefault()
      document.getElementById(SEARCH_ID)?.focus()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

  const sectors = useMemo(
    () => [...new Set((stockList ?? []).map((s) => s.sector))].sort(),
    [stockList],
  )
  const sector = validSector(view.sector, stockList ? sectors : undefined)

  // Replace, not push: Back leaves the market instead of stepping through every keystroke, sort
  // or filter, and the entry it returns to always holds the latest view. The list keeps its
  // scroll position, as it did when this was local state.
  function show(next: Partial<MarketView>) {
    setParams(marketSearchParams({ search, sector, sort, ...next }), {
      replace: true,
      preventScrollReset: true,
    })
  }

  const writeSearch = useEffectEvent((text: string) => {
    if (searchParam(text) !== view.search) show({ search: text })
  })
  useEffect(() => writeSearch(debouncedSearch), [debouncedSearch])

  const rows = useMemo(
    () =>
      filterAndSort(stockList ?? [], priceStore.getQuotes(), {
        search: view.search,
        sector,
        sort,
      }),
    // resortTick re-reads the live quotes for live sort keys.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [stockList, view.search, sector, sort, resortTick, priceStore],
  )
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const shown = useRowWindow(rows.length, bodyRef)

  function toggleSort(key: SortKey) {
    show({
      sort:
        sort.key === key
          ? { key, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
          : { key, direction: firstDirection(key) },
    })
  }

  return (
    <div className={marketPageClass}>
      <PageTitle>Market</PageTitle>
      <MarketIntro />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Input
          id={SEARCH_ID}
          label="Search stocks"
          type="search"
          placeholder={keyboardLikely ? 'Symbol or name (press /)' : 'Symbol or name'}
          aria-keyshortcuts="/"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="sm:max-w-xs sm:flex-1"
          autoComplete="off"
        />
        <Select
          label="Sector"
          value={sector}
          onChange={(event) => show({ sector: event.target.value })}
          options={[
            { value: '', label: 'All sectors' },
            ...sectors.map((s) => ({ value: s, label: s })),
          ]}
          className="sm:w-56"
        />
      </div>
      {/* Only when there is no list: a later failed read keeps the one on screen (prices stay live). */}
      {stocks.isLoadingError ? (
        <QueryError what="the market" error={stocks.error} onRetry={() => void stocks.refetch()} />
      ) : (
        <TableContainer fits>
          {/* Fixed layout: a tick that changes a few cells must not re-measure all rows. */}
          <Table
            aria-busy={loading}
            aria-label="Stocks"
            aria-rowcount={loading ? undefined : rows.length + 1}
            className="table-fixed"
          >
            {/* Sticks under the page header (h-14) while the list scrolls. */}
            <THead className="sticky top-14 z-10">
              <tr>
                {columns.map((column) => (
                  <SortableTh
                    key={column.key}
                    active={sort.key === column.key}
                    direction={sort.direction}
                    onSort={() => toggleSort(column.key)}
                    align={column.align}
                    className={column.className}
                  >
                    {column.label}
                  </SortableTh>
                ))}
                <Th className={trendClassName}>
                  <span className="sr-only">Today's trend</span>
                  <span aria-hidden="true">Today</span>
                </Th>
              </tr>
            </THead>
            {/* A row reached with Tab scrolls into view below both sticky headers. */}
            <tbody ref={bodyRef} className="[&_a]:scroll-mt-24">
              {loading
                ? Array.from({ length: 10 }, (_, i) => <SkeletonRow key={i} />)
                : [
                    <Spacer key="before" height={shown.start * shown.rowHeight} />,
                    ...rows
                      .slice(shown.start, shown.end)
                      .map((stock, i) => (
                        <StockRow
                          key={stock.symbol}
                          stock={stock}
                          rowIndex={shown.start + i + 2}
                          sparkline={sparklineMap?.get(stock.symbol)}
                          stale={stale}
                        />
                      )),
                    <Spacer key="after" height={(rows.length - shown.end) * shown.rowHeight} />,
                  ]}
            </tbody>
          </Table>
          {!loading && rows.length === 0 && (
            <EmptyState
              className="m-4"
              icon={<SearchX className="size-8" aria-hidden="true" />}
              title="No stocks match"
              action={
                <Button
                  variant="secondary"
                  onClick={() => {
                    setSearch('')
                    show({ search: '', sector: '' })
                    // The button goes with the empty list: keep the keyboard where the search is.
                    document.getElementById(SEARCH_ID)?.focus()
                  }}
                >
                  Show all stocks
                </Button>
              }
            >
              {sector
                ? 'Try another symbol or name, or choose “All sectors”.'
                : 'Try another symbol or name.'}
            </EmptyState>
          )}
        </TableContainer>
      )}
    </div>
  )
}
