import { memo, useRef } from 'react'
import type { ReactNode, Ref } from 'react'
import { Link, useNavigate } from 'react-router'
import { Price } from '@/components/ui/price'
import { Sparkline } from '@/components/ui/sparkline'
import { Td } from '@/components/ui/table'
import { cn } from '@/components/ui/cn'
import type { Stock } from '@/lib/models'
import { useInView } from '@/lib/use-in-view'
import { useQuoteEffect } from '@/lib/use-quote'
import { liveCells, writeLiveCells } from './live-cells'
import type { LiveElements } from './live-cells'

const EMPTY: readonly number[] = []

/**
 * A fixed-height box with strict containment around a live number: when the number changes,
 * the browser re-lays out this box only, not the table around it.
 */
const liveBox = 'h-6 leading-6 contain-strict'

/** A live number other than the price: a span in a live box, that ticks write into. */
function Live({
  children,
  className,
  ref,
}: {
  children: ReactNode
  className?: string
  ref?: Ref<HTMLSpanElement>
}) {
  return (
    <div className={liveBox}>
      {/*
        A block a little wider than the box (padding, and a negative margin that keeps the
        number in place): its background covers the ink whatever the text (repaint-in-place).
      */}
      <span ref={ref} className={cn('repaint-in-place -mx-1 block px-1', className)}>
        {children}
      </span>
    </div>
  )
}

/**
 * One market row. React renders it when it mounts (or its props change); ticks after that are
 * written straight into its live cells (live-cells.ts), only while the row is on screen. A tick
 * therefore costs no React render at all: per row it is a few text and class changes.
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
  const elements = useRef<LiveElements>({ price: null, change: null, ratio: null, volume: null })
  const visible = useInView(ref)
  const quote = useQuoteEffect(
    stock.symbol,
    (next, previous) => writeLiveCells(elements.current, next, previous),
    { paused: !visible },
  )
  const navigate = useNavigate()
  const cells = liveCells(stock, quote)
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
        <div className={liveBox}>
          <Price
            ref={(node) => void (elements.current.price = node)}
            value={cells.price}
            stale={stale}
          />
        </div>
      </Td>
      <Td className="hidden text-right tabular-nums sm:table-cell">
        <Live ref={(node) => void (elements.current.change = node)} className={cells.tone}>
          {cells.change}
        </Live>
      </Td>
      <Td className="text-right tabular-nums">
        <Live ref={(node) => void (elements.current.ratio = node)} className={cells.ratioTone}>
          {cells.ratio}
        </Live>
      </Td>
      <Td className="hidden text-right text-muted tabular-nums lg:table-cell">
        <Live ref={(node) => void (elements.current.volume = node)}>{cells.volume}</Live>
      </Td>
      <Td className="hidden sm:table-cell">
        <Sparkline values={sparkline} baseline={cells.previousClose} />
      </Td>
    </tr>
  )
})
