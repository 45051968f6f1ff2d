import { Link } from 'react-router'
import { Badge, type BadgeTone } from '@/components/ui/badge'
import { Table, TableContainer, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import { formatCurrency, formatDateTime, formatQuantity } from '@/lib/format'
import type { OrderRow } from '../api/get-orders'
import { RunBadge } from './run-badge'

const sticky = 'sticky left-0 z-10 bg-surface'

const typeLabels: Record<OrderRow['type'], string> = {
  market: 'Market',
  limit: 'Limit',
  stop: 'Stop',
  stop_limit: 'Stop limit',
}

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

function orderPrices(row: OrderRow): string {
  const parts: string[] = []
  if (row.stop_price !== null) parts.push(`stop ${formatCurrency(row.stop_price)}`)
  if (row.limit_price !== null) parts.push(`limit ${formatCurrency(row.limit_price)}`)
  return parts.join(', ') || 'market'
}

/** Phones keep time, price and status as columns; the rest moves under the time. */
const wideOnly = 'hidden sm:table-cell'
const cell = 'max-sm:px-2'

export function OrdersTable({
  rows,
  currentRun,
}: {
  rows: readonly OrderRow[]
  currentRun?: number
}) {
  return (
    <TableContainer className="relative">
      <Table className="sm:min-w-[52rem]">
        <caption className="sr-only">Orders, newest first</caption>
        <THead>
          <Tr>
            <Th className={`${sticky} ${cell} bg-surface-2`}>Time</Th>
            <Th className={wideOnly}>Symbol</Th>
            <Th className={wideOnly}>Side</Th>
            <Th className={wideOnly}>Type</Th>
            <Th className={`${wideOnly} text-right`}>Quantity</Th>
            <Th className={cell}>Price</Th>
            <Th className={cell}>Status</Th>
            <Th className={`${wideOnly} text-right`}>Filled at</Th>
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
                    {row.symbol} · {typeLabels[row.type]}
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
              <Td className={wideOnly}>
                {typeLabels[row.type]}
                <span className="block text-xs text-muted">
                  {row.time_in_force === 'day' ? 'Day' : 'Until cancelled'}
                </span>
              </Td>
              <Td className={`${wideOnly} text-right tabular-nums`}>
                {formatQuantity(row.quantity)}
                {row.notional !== null && (
                  <span className="block text-xs text-muted">
                    {formatCurrency(row.notional)} order
                  </span>
                )}
              </Td>
              <Td className={`${cell} tabular-nums`}>{orderPrices(row)}</Td>
              <Td className={cell}>
                <Badge tone={statusTones[row.status]}>{statusLabels[row.status]}</Badge>
                {row.reject_reason && (
                  <span className="block max-w-56 text-xs text-muted">{row.reject_reason}</span>
                )}
              </Td>
              <Td className={`${wideOnly} text-right tabular-nums`}>
                {row.filled_price === null ? '—' : formatCurrency(row.filled_price)}
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
