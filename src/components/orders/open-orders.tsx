import { useEffect, useId, useRef, useState } from 'react'
import { Link } from 'react-router'
import { Button } from '@/components/ui/button'
import { Table, TableContainer, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import { formatDateTime, formatQuantity } from '@/lib/format'
import type { OpenOrder } from '@/lib/api/get-open-orders'
import { describeOrder, orderPrices, orderTypeLabels, timeInForceLabel } from '@/lib/describe-order'
import { CancelOrderDialog } from './cancel-order-dialog'

const sticky = 'sticky left-0 z-10 bg-surface'
/** Phones keep symbol, price and the Cancel button; side, type and size move under the symbol. */
const wideOnly = 'hidden sm:table-cell'
const cell = 'max-sm:px-2'

export function OpenOrders({
  orders,
  userId,
  emptyFocusId,
}: {
  orders: readonly OpenOrder[]
  userId: string
  /** An element (tabIndex -1) to focus when the last order is cancelled and the table goes. */
  emptyFocusId?: string
}) {
  const [cancelling, setCancelling] = useState<OpenOrder | null>(null)
  const tableId = useId()
  // The cancelled row (with the Cancel button the dialog gives focus back to) leaves the list, so
  // focus moves to the Cancel button that takes its place, or the one before, or emptyFocusId.
  const refocus = useRef<{ id: string; index: number } | null>(null)

  useEffect(() => {
    const intent = refocus.current
    if (!intent || cancelling !== null || orders.some((order) => order.id === intent.id)) return
    refocus.current = null
    const next = orders[Math.min(intent.index, orders.length - 1)]
    const target = next
      ? document.getElementById(tableId)?.querySelector<HTMLElement>(`[data-order-id="${next.id}"]`)
      : emptyFocusId
        ? document.getElementById(emptyFocusId)
        : null
    target?.focus()
  }, [orders, cancelling, tableId, emptyFocusId])

  // The pages drop the table once the list is empty, before the effect above could run.
  useEffect(
    () => () => {
      if (refocus.current && emptyFocusId) document.getElementById(emptyFocusId)?.focus()
    },
    [emptyFocusId],
  )

  return (
    <>
      <TableContainer id={tableId} className="relative">
        <Table className="sm:min-w-[40rem]">
          <caption className="sr-only">Open orders</caption>
          <THead>
            <Tr>
              <Th className={`${sticky} ${cell} bg-surface-2`}>Symbol</Th>
              <Th className={wideOnly}>Side</Th>
              <Th className={wideOnly}>Type</Th>
              <Th className={`${wideOnly} text-right`}>Quantity</Th>
              <Th className={cell}>Price</Th>
              <Th className={wideOnly}>Time in force</Th>
              <Th className={wideOnly}>Placed</Th>
              <Th className={cell}>
                <span className="sr-only">Actions</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {orders.map((order) => (
              <Tr key={order.id}>
                <Th scope="row" className={`${sticky} ${cell} text-left`}>
                  <Link
                    to={`/stocks/${order.symbol}`}
                    className="font-semibold text-link hover:underline"
                  >
                    {order.symbol}
                  </Link>
                  <span className="block text-xs font-normal text-muted sm:hidden">
                    {order.side === 'buy' ? 'Buy' : 'Sell'} {formatQuantity(order.quantity)} ·{' '}
                    {orderTypeLabels[order.type]}
                  </span>
                </Th>
                <Td className={wideOnly}>
                  <span className={`font-medium ${order.side === 'buy' ? 'text-up' : 'text-down'}`}>
                    {order.side === 'buy' ? 'Buy' : 'Sell'}
                  </span>
                </Td>
                <Td className={wideOnly}>
                  {orderTypeLabels[order.type]}
                  {order.triggered_at && (
                    <span className="block text-xs text-muted">stop reached</span>
                  )}
                </Td>
                <Td className={`${wideOnly} text-right tabular-nums`}>
                  {formatQuantity(order.quantity)}
                </Td>
                <Td className={`${cell} tabular-nums`}>{orderPrices(order)}</Td>
                <Td className={wideOnly}>{timeInForceLabel(order)}</Td>
                <Td className={`${wideOnly} whitespace-nowrap text-muted`}>
                  {formatDateTime(order.created_at)}
                </Td>
                <Td className={`${cell} text-right`}>
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => setCancelling(order)}
                    data-order-id={order.id}
                    aria-label={`Cancel order: ${describeOrder(order)}`}
                  >
                    Cancel
                  </Button>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </TableContainer>
      <CancelOrderDialog
        order={cancelling}
        userId={userId}
        onConfirm={(order) => {
          refocus.current = { id: order.id, index: orders.findIndex(({ id }) => id === order.id) }
        }}
        onClose={(cancelled) => {
          if (!cancelled) refocus.current = null
          setCancelling(null)
        }}
      />
    </>
  )
}
