import { memo, useRef } from 'react'
import type { ReactNode } from 'react'
import { Link, useNavigate } from 'react-router'
import { Price } from '@/components/ui/price'
import { Sparkline } from '@/components/ui/sparkline'
import { Td } from '@/components/ui/table'
import { cn } from '@/components/ui/cn'
import {
  dayChange,
  formatCompact,
  formatPercent,
  formatSignedCurrency,
  signClass,
} from '@/lib/format'
import type { Stock } from '@/lib/models'
import { useInView } from '@/lib/use-in-view'
import { useQuote } from '@/lib/use-quote'

const EMPTY: readonly number[] = []

/**
 * A fixed-height box with strict containment around a live number: when the number changes,
 * the browser re-lays out this box only, not the 500-row table around it.
 */
function Live({ children }: { children: ReactNode }) {
  return <div className="h-6 leading-6 contain-strict">{children}</div>
}

/**
 * One market row. It subscribes to its own symbol only, and only while on screen, so a tick
 * re-renders just the visible rows whose price moved; the table itself does not re-render.
 */
export const StockRow = memo(function StockRow({
  stock,
  sparkline = EMPTY,
  stale,
  rowIndex,
}: {
  stock: Stock
  /** aria-rowindex: rows off screen are not rendered, so each row says where it is. */
  rowIndex?: number
  sparkline?: readonly number[]
  stale: boolean
}) {
  const ref = useRef<HTMLTableRowElement>(null)
  const visible = useInView(ref)
  const quote = useQuote(stock.symbol, { paused: !visible })
  const navigate = useNavigate()
  const price = quote?.price ?? stock.price
  const previousClose = quote?.previous_close ?? stock.previous_close
  const { change, ratio } = dayChange(price, previousClose)
  const href = `/stocks/${stock.symbol}`
  return (
    <tr
      ref={ref}
      data-row=""
      aria-rowindex={rowIndex}
      onClick={(event) => {
        if (!(event.target as HTMLElement).closest('a')) navigate(href)
      }}
      className="cursor-pointer border-t border-border hover:bg-surface-2"
    >
      <Td className="py-2.5">
        <Link to={href} className="font-semibold hover:underline">
          {stock.symbol}
        </Link>
        <div className="truncate text-xs text-muted md:hidden">{stock.name}</div>
      </Td>
      <Td className="hidden truncate md:table-cell">{stock.name}</Td>
      <Td className="hidden truncate text-muted lg:table-cell">{stock.sector}</Td>
      <Td className="text-right">
        <Live>
          <Price
            value={price}
            direction={quote?.direction}
            flashKey={quote?.changeSeq}
            stale={stale}
          />
        </Live>
      </Td>
      <Td className={cn('hidden text-right tabular-nums sm:table-cell', signClass(change))}>
        <Live>{formatSignedCurrency(change)}</Live>
      </Td>
      <Td className={cn('text-right tabular-nums', signClass(change))}>
        <Live>{formatPercent(ratio)}</Live>
      </Td>
      <Td className="hidden text-right text-muted tabular-nums lg:table-cell">
        <Live>{formatCompact(quote?.volume ?? stock.volume)}</Live>
      </Td>
      <Td className="hidden sm:table-cell">
        <Sparkline values={sparkline} baseline={previousClose} />
      </Td>
    </tr>
  )
})
