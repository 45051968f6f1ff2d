import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { Link } from 'react-router'
import { Price } from '@/components/ui/price'
import { SortableTh, Table, TableContainer, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import { dayChangeAt } from '@/lib/day-change'
import {
  formatCurrency,
  formatMoney,
  formatPercent,
  percentClass,
  formatQuantity,
  formatSignedCurrency,
  signClass,
} from '@/lib/format'
import { useConnection, usePriceStore, useQuote } from '@/lib/use-quote'
import type { PositionRow } from '../api/get-positions'
import type { Fill } from '../lib/equity-curve'
import { valueHolding } from '../lib/holdings'
import {
  DEFAULT_HOLDING_SORT,
  firstHoldingDirection,
  LIVE_HOLDING_SORT_KEYS,
  sortHoldings,
  type HoldingSort,
  type HoldingSortKey,
} from '../lib/sort-holdings'

/** The first column stays put while the rest scrolls sideways on narrow screens. */
const sticky = 'sticky left-0 z-10 bg-surface'
/**
 * Phones keep symbol, value and unrealized P&L as columns; quantity, cost and price move into
 * small lines under them so nothing important hides off-screen.
 */
const wideOnly = 'hidden sm:table-cell'
const phoneOnly = 'block text-xs font-normal text-muted sm:hidden'
const cell = 'max-sm:px-2'

const NO_FILLS: readonly Fill[] = []
/**
 * A header that names its column in full, shortened on phones where the three columns must fit
 * (the full name stays its accessible name).
 */
function PhoneShort({ short, full }: { short: string; full: string }) {
  return (
    <>
      <span aria-hidden="true" className="sm:hidden">
        {short}
      </span>
      <span className="max-sm:sr-only">{full}</span>
    </>
  )
}

/** Re-sort by live columns at this pace rather than on every tick, so rows do not jump around. */
const LIVE_RESORT_MS = 5_000

function HoldingRow({
  position,
  fills,
  stale,
}: {
  position: PositionRow
  /** This run's fills of the symbol; undefined while they load. */
  fills: readonly Fill[] | undefined
  stale: boolean
}) {
  const quote = useQuote(position.symbol)
  const holding = valueHolding(position, quote?.price)
  const today = dayChangeAt(fills, quote)
  return (
    <Tr>
      <Th scope="row" className={`${sticky} ${cell} text-left`}>
        <Link to={`/stocks/${position.symbol}`} className="font-semibold text-link hover:underline">
          {position.symbol}
        </Link>
        <span className="block max-w-28 truncate text-xs font-normal text-muted sm:max-w-40">
          {position.name}
        </span>
        <span className={`${phoneOnly} tabular-nums`}>
          {formatQuantity(position.quantity)} sh · avg {formatCurrency(position.averageCost)}
        </span>
      </Th>
      <Td className={`${wideOnly} text-right tabular-nums`}>
        {formatQuantity(position.quantity)}
        {position.heldQuantity > 0 && (
          <span className="block text-xs text-muted">
            {formatQuantity(position.heldQuantity)} in orders
          </span>
        )}
      </Td>
      <Td className={`${wideOnly} text-right tabular-nums`}>
        {formatCurrency(position.averageCost)}
      </Td>
      <Td className={`${wideOnly} text-right`}>
        {quote ? (
          <Price
            value={quote.price}
            direction={quote.direction}
            flashKey={quote.changeSeq}
            stale={stale}
          />
        ) : (
          <span className="text-muted">—</span>
        )}
      </Td>
      <Td
        className={`${wideOnly} text-right whitespace-nowrap tabular-nums ${signClass(today?.change)}`}
      >
        {today ? (
          <>
            {formatSignedCurrency(today.change)}
            <span className={`block text-xs ${percentClass(today.ratio)}`}>
              {formatPercent(today.ratio)}
            </span>
          </>
        ) : (
          <span className="text-muted">—</span>
        )}
      </Td>
      <Td className={`${cell} text-right whitespace-nowrap tabular-nums`}>
        {formatMoney(holding.marketValue)}
        <span className={phoneOnly}>@ {formatCurrency(holding.price)}</span>
      </Td>
      <Td
        className={`${cell} text-right whitespace-nowrap tabular-nums ${signClass(holding.unrealizedPnl)}`}
      >
        {formatSignedCurrency(holding.unrealizedPnl)}
        <span className={`block text-xs ${percentClass(holding.unrealizedPnlPct)}`}>
          {formatPercent(holding.unrealizedPnlPct)}
        </span>
      </Td>
      <Td className={`${wideOnly} text-right tabular-nums ${signClass(holding.realizedPnl)}`}>
        {formatSignedCurrency(holding.realizedPnl)}
      </Td>
    </Tr>
  )
}

export function HoldingsTable({
  positions,
  fills,
}: {
  positions: readonly PositionRow[]
  /** This run's fills (for each holding's change today); undefined while they load. */
  fills?: readonly Fill[]
}) {
  const { stale } = useConnection()
  const priceStore = usePriceStore()
  const [sort, setSort] = useState<HoldingSort>(DEFAULT_HOLDING_SORT)
  const [resortTick, setResortTick] = useState(0)
  const fillsBySymbol = useMemo(() => {
    if (!fills) return undefined
    const bySymbol = new Map<string, Fill[]>()
    for (const fill of fills) {
      const list = bySymbol.get(fill.symbol)
      if (list) list.push(fill)
      else bySymbol.set(fill.symbol, [fill])
    }
    return bySymbol
  }, [fills])
  const fillsOf = useCallback(
    (symbol: string) => fillsBySymbol && (fillsBySymbol.get(symbol) ?? NO_FILLS),
    [fillsBySymbol],
  )

  useEffect(() => {
    if (!LIVE_HOLDING_SORT_KEYS.has(sort.key)) return
    const timer = setInterval(() => setResortTick((n) => n + 1), LIVE_RESORT_MS)
    return () => clearInterval(timer)
  }, [sort.key])

  const rows = useMemo(
    () => sortHoldings(positions, sort, priceStore.getQuotes(), fillsOf),
    // resortTick re-reads the live quotes for live sort keys.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [positions, sort, priceStore, fillsOf, resortTick],
  )

  function header(key: HoldingSortKey, label: ReactNode, className: string) {
    const active = sort.key === key
    return (
      <SortableTh
        active={active}
        direction={active ? sort.direction : firstHoldingDirection(key)}
        align={key === 'symbol' ? 'left' : 'right'}
        className={className}
        onSort={() =>
          setSort(
            active
              ? { key, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
              : { key, direction: firstHoldingDirection(key) },
          )
        }
      >
        {label}
      </SortableTh>
    )
  }

  return (
    <TableContainer className="relative">
      <Table className="sm:min-w-[50rem]">
        <caption className="sr-only">Holdings with live prices and profit and loss</caption>
        <THead>
          <Tr>
            {header('symbol', 'Symbol', `${sticky} ${cell} bg-surface-2`)}
            {header('quantity', 'Quantity', wideOnly)}
            {header('averageCost', 'Avg cost', wideOnly)}
            {header('price', 'Price', wideOnly)}
            {header('today', 'Today', wideOnly)}
            {header('marketValue', <PhoneShort short="Value" full="Market value" />, cell)}
            {header('unrealizedPnl', <PhoneShort short="P&L" full="Unrealized P&L" />, cell)}
            {header('realizedPnl', <>Realized P&amp;L</>, wideOnly)}
          </Tr>
        </THead>
        <TBody>
          {rows.map((position) => (
            <HoldingRow
              key={position.symbol}
              position={position}
              fills={fillsOf(position.symbol)}
              stale={stale}
            />
          ))}
        </TBody>
      </Table>
    </TableContainer>
  )
}
