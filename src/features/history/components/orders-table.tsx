import { useEffect, useId, useRef, useState } from 'react'
import { CancelOrderDialog } from '@/components/orders/cancel-order-dialog'
import { Badge, type BadgeTone } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Table, TableContainer, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import { formatMoney, formatOrderPrice, formatQuantity } from '@/lib/format'
import { describeOrder, orderPrices, orderTypeLabels, timeInForceLabel } from '@/lib/describe-order'
import { describeRejectReason } from '@/lib/reject-reasons'
import type { OrderRow } from '../api/get-orders'
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

const statusTones: Record<OrderRow['status'], BadgeTone> = {
  pending: 'info',
  // The tinted green badge misses 4.5:1 in the light theme; filled reads fine as neutral.
  filled: 'neutral',
  cancelled: 'neutral',
  rejected: 'down',
  expired: 'warn',
}

const statusLabels: Record<OrderRow['status'], string> = {
  pending: 'Open',
  filled: 'Filled',
  cancelled: 'Cancelled',
  rejected: 'Rejected',
  expired: 'Expired',
}

/** Phones keep time, price and status as columns; the rest moves under the time. */
export function OrdersTable({
  rows,
  currentRun,
  userId,
}: {
  rows: readonly OrderRow[]
  currentRun?: number
  userId: string
}) {
  const [cancelling, setCancelling] = useState<OrderRow | null>(null)
  const tableId = useId()
  // The Cancel button the dialog would give focus back to goes with the Open status: focus the
  // row's new status instead, once the refreshed list has it.
  const refocus = useRef<string | null>(null)

  useEffect(() => {
    const id = refocus.current
    if (!id || cancelling !== null) return
    if (rows.find((row) => row.id === id)?.status === 'pending') return
    refocus.current = null
    document
      .getElementById(tableId)
      ?.querySelector<HTMLElement>(`[data-status-of="${id}"]`)
      ?.focus()
  }, [rows, cancelling, tableId])

  return (
    <TableContainer id={tableId} className="relative">
      <Table className="sm:min-w-[52rem]">
        <caption className="sr-only">Orders, newest first</caption>
        <THead>
          <Tr>
            <TimeHeader />
            <Th className={wideOnly}>Symbol</Th>
            <Th className={wideOnly}>Side</Th>
            <Th className={wideOnly}>Type</Th>
            <Th className={`${wideOnly} text-right`}>Quantity</Th>
            <Th className={cell}>Price</Th>
            <Th className={cell}>Status</Th>
            <Th className={`${wideOnly} text-right`}>Fill price</Th>
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
                summary={`${sideLabel(row.side)} ${formatQuantity(row.quantity)} ${row.symbol} · ${orderTypeLabels[row.type]}`}
              />
              <SymbolSideCells symbol={row.symbol} side={row.side} />
              <Td className={wideOnly}>
                {orderTypeLabels[row.type]}
                {row.type !== 'market' && (
                  <span className="block text-xs text-muted">{timeInForceLabel(row)}</span>
                )}
              </Td>
              <Td className={`${wideOnly} text-right tabular-nums`}>
                {formatQuantity(row.quantity)}
                {row.notional !== null && (
                  <span className="block text-xs text-muted">
                    {formatMoney(row.notional)} order
                  </span>
                )}
              </Td>
              <Td className={`${cell} tabular-nums`}>{orderPrices(row)}</Td>
              <Td className={cell}>
                <Badge tone={statusTones[row.status]} tabIndex={-1} data-status-of={row.id}>
                  {statusLabels[row.status]}
                </Badge>
                {row.reject_reason && (
                  <span className="block max-w-56 text-xs text-muted">
                    {describeRejectReason(row.reject_reason)}
                  </span>
                )}
                {/* Under the status, not in a column of its own: phones have no room for one. */}
                {row.status === 'pending' && (
                  <Button
                    variant="secondary"
                    size="sm"
                    className="mt-1 flex"
                    onClick={() => setCancelling(row)}
                    aria-label={`Cancel order: ${describeOrder(row)}`}
                  >
                    Cancel
                  </Button>
                )}
              </Td>
              <Td className={`${wideOnly} text-right tabular-nums`}>
                {row.filled_price === null ? '—' : formatOrderPrice(row.filled_price)}
              </Td>
              <RunCell run={row.run} currentRun={currentRun} />
            </HistoryRow>
          ))}
        </TBody>
      </Table>
      <CancelOrderDialog
        order={cancelling}
        userId={userId}
        onConfirm={(order) => {
          refocus.current = order.id
        }}
        onClose={(cancelled) => {
          if (!cancelled) refocus.current = null
          setCancelling(null)
        }}
      />
    </TableContainer>
  )
}
