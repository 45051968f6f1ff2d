import { Link } from 'react-router'
import { Table, TableContainer, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import {
  formatCurrency,
  formatDateAndTime,
  formatOrderPrice,
  formatQuantity,
  formatSignedCurrency,
  signClass,
} from '@/lib/format'
import { useSymbolFills } from '../api/get-symbol-fills'

/** How many of the latest trades the stock page lists; the history has the rest. */
export const RECENT_TRADES = 5

const wideOnly = 'hidden sm:table-cell'

/**
 * The user's latest fills in this stock in the current run, newest first, with a way to all of
 * them in the history. Nothing until there is one: the position card already says there are
 * no shares, and the chart marks the same trades.
 */
export function RecentTrades({ symbol, userId }: { symbol: string; userId: string }) {
  const fills = useSymbolFills(userId, symbol)
  const all = fills.data ?? []
  if (all.length === 0) return null
  const latest = all.slice(-RECENT_TRADES).reverse()
  return (
    <section aria-labelledby="recent-trades-heading" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h2 id="recent-trades-heading" className="text-sm font-semibold">
          Your trades in {symbol}
        </h2>
        <Link
          to={`/history?symbol=${encodeURIComponent(symbol)}`}
          className="text-sm text-link hover:underline"
        >
          {/* The history holds every run's: a count of this run's could say less than it shows. */}
          All {symbol} trades in history
        </Link>
      </div>
      <TableContainer>
        <Table>
          <caption className="sr-only">
            {all.length > latest.length
              ? `Your latest ${latest.length} of ${all.length} trades in ${symbol} this run`
              : `Your trades in ${symbol} this run`}
          </caption>
          <THead>
            <Tr>
              <Th>Time</Th>
              <Th>Trade</Th>
              <Th className={`${wideOnly} text-right`}>Price</Th>
              <Th className="text-right">Amount</Th>
              <Th className={`${wideOnly} text-right whitespace-nowrap`}>Realized P&amp;L</Th>
            </Tr>
          </THead>
          <TBody>
            {latest.map((fill, i) => {
              const when = formatDateAndTime(fill.at)
              return (
                <Tr key={`${fill.at}:${i}`}>
                  <Td className="text-muted">
                    <span className="whitespace-nowrap">{when?.date}</span>{' '}
                    <span className="whitespace-nowrap">{when?.time}</span>
                  </Td>
                  <Td className="tabular-nums">
                    <span className="whitespace-nowrap">
                      <span
                        className={`font-medium ${fill.side === 'buy' ? 'text-up' : 'text-down'}`}
                      >
                        {fill.side === 'buy' ? 'Bought' : 'Sold'}
                      </span>{' '}
                      {formatQuantity(fill.quantity)}
                    </span>
                    <span className="block text-xs whitespace-nowrap text-muted sm:hidden">
                      @ {formatOrderPrice(fill.price)}
                    </span>
                  </Td>
                  <Td className={`${wideOnly} text-right tabular-nums`}>
                    {formatOrderPrice(fill.price)}
                  </Td>
                  <Td className="text-right tabular-nums">
                    {formatCurrency(fill.amount)}
                    {fill.realizedPnl !== null && (
                      <span className={`block text-xs sm:hidden ${signClass(fill.realizedPnl)}`}>
                        <span className="sr-only">Realized P&amp;L </span>
                        {formatSignedCurrency(fill.realizedPnl)}
                      </span>
                    )}
                  </Td>
                  <Td
                    className={`${wideOnly} text-right tabular-nums ${fill.realizedPnl === null ? 'text-muted' : signClass(fill.realizedPnl)}`}
                  >
                    {fill.realizedPnl === null ? '—' : formatSignedCurrency(fill.realizedPnl)}
                  </Td>
                </Tr>
              )
            })}
          </TBody>
        </Table>
      </TableContainer>
    </section>
  )
}
