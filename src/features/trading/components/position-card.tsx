import { useOpenPositions } from '@/lib/api/get-open-positions'
import { cn } from '@/components/ui/cn'
import { Skeleton } from '@/components/ui/skeleton'
import { dayChangeAt, type DayChange } from '@/lib/day-change'
import {
  formatCurrency,
  formatMoney,
  formatPercent,
  formatQuantity,
  formatSignedCurrency,
  signClass,
} from '@/lib/format'
import { useQuote } from '@/lib/use-quote'
import { useSymbolFills } from '../api/get-symbol-fills'

/** The signed-in user's position in this stock, valued at the live price. */
export function PositionCard({ symbol, userId }: { symbol: string; userId: string }) {
  const positions = useOpenPositions(userId)
  const quote = useQuote(symbol)
  const fills = useSymbolFills(userId, symbol)
  const position = positions.data?.find((p) => p.symbol === symbol)
  const today = dayChangeAt(fills.data, quote)
  return (
    <section
      aria-labelledby="position-heading"
      className="rounded-lg border border-border bg-surface p-4"
    >
      <h2 id="position-heading" className="mb-3 text-sm font-semibold">
        Your position
      </h2>
      {positions.isPending ? (
        <Skeleton className="h-16 w-full" />
      ) : !position ? (
        <p className="text-sm text-muted">
          You have no {symbol} shares. Use the order ticket to buy.
        </p>
      ) : (
        <PositionDetails
          quantity={Number(position.quantity)}
          averageCost={Number(position.average_cost)}
          price={quote?.price ?? Number(position.average_cost)}
          today={today}
        />
      )}
    </section>
  )
}

function PositionDetails({
  quantity,
  averageCost,
  price,
  today,
}: {
  quantity: number
  averageCost: number
  price: number
  /** Its change today; undefined until the fills and a live price are in. */
  today: DayChange | undefined
}) {
  const value = quantity * price
  const pnl = value - quantity * averageCost
  const pnlRatio = averageCost > 0 ? price / averageCost - 1 : 0
  const rows: Array<[string, string, string?]> = [
    ['Shares', formatQuantity(quantity)],
    ['Average cost', formatCurrency(averageCost)],
    ['Market value', formatMoney(value)],
    [
      "Today's return",
      today ? `${formatSignedCurrency(today.change)} (${formatPercent(today.ratio)})` : '—',
      signClass(today?.change),
    ],
    ['Unrealized P&L', `${formatSignedCurrency(pnl)} (${formatPercent(pnlRatio)})`, signClass(pnl)],
  ]
  return (
    <dl className="grid grid-cols-2 gap-y-1 text-sm">
      {rows.map(([term, value, tone]) => (
        <div key={term} className="contents">
          <dt className="text-muted">{term}</dt>
          <dd className={cn('text-right tabular-nums', tone)}>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
