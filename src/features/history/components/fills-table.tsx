import { Link } from 'react-router'
import { Table, TableContainer, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import {
  formatCurrency,
  formatDateTime,
  formatQuantity,
  formatSignedCurrency,
  signClass,
} from '@/lib/format'
import type { FillRow } from '../api/get-fills'
import { RunBadge } from './run-badge'

const sticky = 'sticky left-0 z-10 bg-surface'

/** Phones keep time, amount and P&L as columns; the rest moves under the time. */
const wideOnly = 'hidden sm:table-cell'
const cell = 'max-sm:px-2'

export function FillsTable({
  rows,
  currentRun,
}: {
  rows: readonly FillRow[]
  currentRun?: number
}) {
  return (
    <TableContainer className="relative">
      <Table className="sm:min-w-[48rem]">
        <caption className="sr-only">Fills, newest first</caption>
        <THead>
          <Tr>
            <Th className={`${sticky} ${cell} bg-surface-2`}>Time</Th>
            <Th className={wideOnly}>Symbol</Th>
            <Th className={wideOnly}>Side</Th>
            <Th className={`${wideOnly} text-right`}>Quantity</Th>
            <Th className={`${wideOnly} text-right`}>Price</Th>
            <Th className={`${cell} text-right`}>Amount</Th>
            <Th className={`${cell} text-right`}>Realized P&amp;L</Th>
            <Th className={`${wideOnly} text-right`}>Cash after</Th>
            <Th className={wideOnly}>Run</Th>
          </Tr>
        </THead>
        <TBody>
          {rows.map((row) => (
            <Tr
              key={row.id}
              className={
                currentRun !== undefined && row.run < currentRun ? 'text-muted' : undefined
              }
            >
              <Th scope="row" className={`${sticky} ${cell} text-left font-normal`}>
                <time dateTime={row.created_at} className="sm:whitespace-nowrap">
                  {formatDateTime(row.created_at)}
                </time>
                <span className="flex flex-wrap items-center gap-1 text-xs sm:hidden">
                  <span className="font-medium">
                    {row.side === 'buy' ? 'Buy' : 'Sell'} {formatQuantity(row.quantity)}{' '}
                    {row.symbol} @ {formatCurrency(row.price)}
                  </span>
                  <RunBadge run={row.run} currentRun={currentRun} />
                </span>
              </Th>
              <Td className={wideOnly}>
                <Link
                  to={`/stocks/${row.symbol}`}
                  className="font-semibold text-link hover:underline"
                >
                  {row.symbol}
                </Link>
              </Td>
              <Td className={wideOnly}>
                <span className={`font-medium ${row.side === 'buy' ? 'text-up' : 'text-down'}`}>
                  {row.side === 'buy' ? 'Buy' : 'Sell'}
                </span>
              </Td>
              <Td className={`${wideOnly} text-right tabular-nums`}>
                {formatQuantity(row.quantity)}
              </Td>
              <Td className={`${wideOnly} text-right tabular-nums`}>{formatCurrency(row.price)}</Td>
              <Td className={`${cell} text-right tabular-nums`}>{formatCurrency(row.amount)}</Td>
              <Td
                className={`${cell} text-right tabular-nums ${row.realized_pnl === null ? 'text-muted' : signClass(row.realized_pnl)}`}
              >
                {row.realized_pnl === null ? '—' : formatSignedCurrency(row.realized_pnl)}
              </Td>
              <Td className={`${wideOnly} text-right tabular-nums`}>
                {formatCurrency(row.cash_after)}
              </Td>
              <Td className={wideOnly}>
                <RunBadge run={row.run} currentRun={currentRun} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </TableContainer>
  )
}
