import { useMemo } from 'react'
import { Link } from 'react-router'
import { Price } from '@/components/ui/price'
import { Table, TableContainer, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
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
import { useConnection, useQuote } from '@/lib/use-quote'
import type { PositionRow } from '../api/get-positions'
import type { Fill } from '../lib/equity-curve'
import { valueHolding } from '../lib/holdings'

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
  return (
    <TableContainer className="relative">
      <Table className="sm:min-w-[50rem]">
        <caption className="sr-only">Holdings with live prices and profit and loss</caption>
        <THead>
          <Tr>
            <Th className={`${sticky} ${cell} bg-surface-2`}>Symbol</Th>
            <Th className={`${wideOnly} text-right`}>Quantity</Th>
            <Th className={`${wideOnly} text-right`}>Avg cost</Th>
            <Th className={`${wideOnly} text-right`}>Price</Th>
            <Th className={`${wideOnly} text-right`}>Today</Th>
            <Th className={`${cell} whitespace-nowrap text-right`}>Market value</Th>
            <Th className={`${cell} whitespace-nowrap text-right`}>Unrealized P&amp;L</Th>
            <Th className={`${wideOnly} whitespace-nowrap text-right`}>Realized P&amp;L</Th>
          </Tr>
        </THead>
        <TBody>
          {positions.map((position) => (
            <HoldingRow
              key={position.symbol}
              position={position}
              fills={fillsBySymbol && (fillsBySymbol.get(position.symbol) ?? NO_FILLS)}
              stale={stale}
            />
          ))}
        </TBody>
      </Table>
    </TableContainer>
  )
}
