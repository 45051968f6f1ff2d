import { memo, useRef } from 'react'
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
 * One market row. It subscribes to its own symbol only, and only while on screen, so a tick
 * re-renders just the visible rows whose price moved; the table itself does not re-render.
 */
export const StockRow = memo(function StockRow({
  stock,
  sparkline = EMPTY,
  stale,
}: {
  stock: Stock
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
      onClick={(event) => {
        if (!(event.target as HTMLElement).closest('a')) navigate(href)
      }}
      className="cursor-pointer border-t border-border hover:bg-surface-2"
    >
      <Td className="py-2.5">
        <Link to={href} className="font-semibold hover:underline">
          {stock.symbol}
        </Link>
        <div className="max-w-36 truncate text-xs text-muted md:hidden">{stock.name}</div>
      </Td>
      <Td className="hidden max-w-56 truncate md:table-cell">{stock.name}</Td>
      <Td className="hidden text-muted lg:table-cell">{stock.sector}</Td>
      <Td className="text-right">
        <Price
          value={price}
          direction={quote?.direction}
          flashKey={quote?.changeSeq}
          stale={stale}
        />
      </Td>
      <Td className={cn('hidden text-right tabular-nums sm:table-cell', signClass(change))}>
        {formatSignedCurrency(change)}
      </Td>
      <Td className={cn('text-right tabular-nums', signClass(change))}>{formatPercent(ratio)}</Td>
      <Td className="hidden text-right text-muted tabular-nums lg:table-cell">
        {formatCompact(quote?.volume ?? stock.volume)}
      </Td>
      <Td className="hidden w-28 sm:table-cell">
        <Sparkline values={sparkline} baseline={previousClose} />
      </Td>
    </tr>
  )
})
