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

export function FillsTable({
  rows,
  currentRun,
}: {
  rows: readonly FillRow[]
  currentRun?: number
}) {
  return (
    <TableContainer className="relative">
      <Table className="min-w-[48rem]">
        <caption className="sr-only">Fills, newest first</caption>
        <THead>
          <Tr>
            <Th className={`${sticky} bg-surface-2`}>Time</Th>
            <Th>Symbol</Th>
            <Th>Side</Th>
            <Th className="text-right">Quantity</Th>
            <Th className="text-right">Price</Th>
            <Th className="text-right">Amount</Th>
            <Th className="text-right">Realized P&amp;L</Th>
            <Th className="text-right">Cash after</Th>
            <Th>Run</Th>
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
              <Th scope="row" className={`${sticky} whitespace-nowrap text-left font-normal`}>
                <time dateTime={row.created_at}>{formatDateTime(row.created_at)}</time>
              </Th>
              <Td>
                <Link
                  to={`/stocks/${row.symbol}`}
                  className="font-semibold text-link hover:underline"
                >
                  {row.symbol}
                </Link>
              </Td>
              <Td>
                <span className={`font-medium ${row.side === 'buy' ? 'text-up' : 'text-down'}`}>
                  {row.side === 'buy' ? 'Buy' : 'Sell'}
                </span>
              </Td>
              <Td className="text-right tabular-nums">{formatQuantity(row.quantity)}</Td>
              <Td className="text-right tabular-nums">{formatCurrency(row.price)}</Td>
              <Td className="text-right tabular-nums">{formatCurrency(row.amount)}</Td>
              <Td
                className={`text-right tabular-nums ${row.realized_pnl === null ? 'text-muted' : signClass(row.realized_pnl)}`}
              >
                {row.realized_pnl === null ? '—' : formatSignedCurrency(row.realized_pnl)}
              </Td>
              <Td className="text-right tabular-nums">{formatCurrency(row.cash_after)}</Td>
              <Td>
                <RunBadge run={row.run} currentRun={currentRun} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </TableContainer>
  )
}
