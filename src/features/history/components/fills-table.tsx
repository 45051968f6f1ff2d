import { Table, TableContainer, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import {
  formatMoney,
  formatOrderPrice,
  formatQuantity,
  formatSignedCurrency,
  signClass,
} from '@/lib/format'
import type { FillRow } from '../api/get-fills'
import {
  cell,
  HistoryRow,
  RunCell,
  SymbolSideCells,
  TimeCell,
  TimeHeader,
  wideOnly,
} from './history-row'
import { sideLabel } from '../lib/side-label'

/** Phones keep time, amount and P&L as columns; the rest moves under the time. */
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
            <TimeHeader />
            <Th className={wideOnly}>Symbol</Th>
            <Th className={wideOnly}>Side</Th>
            <Th className={`${wideOnly} text-right`}>Quantity</Th>
            <Th className={`${wideOnly} text-right`}>Price</Th>
            <Th className={`${cell} text-right`}>Amount</Th>
            <Th className={`${cell} whitespace-nowrap text-right`}>Realized P&amp;L</Th>
            <Th className={`${wideOnly} text-right`}>Cash after</Th>
            <Th className={wideOnly}>Run</Th>
          </Tr>
        </THead>
        <TBody>
          {rows.map((row) => (
            <HistoryRow key={row.id} run={row.run} currentRun={currentRun}>
              <TimeCell
                createdAt={row.created_at}
                run={row.run}
                currentRun={currentRun}
                summary={`${sideLabel(row.side)} ${formatQuantity(row.quantity)} ${row.symbol} @ ${formatOrderPrice(row.price)}`}
              />
              <SymbolSideCells symbol={row.symbol} side={row.side} />
              <Td className={`${wideOnly} text-right tabular-nums`}>
                {formatQuantity(row.quantity)}
              </Td>
              <Td className={`${wideOnly} text-right tabular-nums`}>
                {formatOrderPrice(row.price)}
              </Td>
              <Td className={`${cell} text-right tabular-nums`}>{formatMoney(row.amount)}</Td>
              <Td
                className={`${cell} text-right tabular-nums ${row.realized_pnl === null ? 'text-muted' : signClass(row.realized_pnl)}`}
              >
                {row.realized_pnl === null ? '—' : formatSignedCurrency(row.realized_pnl)}
              </Td>
              <Td className={`${wideOnly} text-right tabular-nums`}>
                {formatMoney(row.cash_after)}
              </Td>
              <RunCell run={row.run} currentRun={currentRun} />
            </HistoryRow>
          ))}
        </TBody>
      </Table>
    </TableContainer>
  )
}
