import { useState } from 'react'
import { Link } from 'react-router'
import { Button } from '@/components/ui/button'
import { Table, TableContainer, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import { formatDateTime, formatQuantity } from '@/lib/format'
import type { OpenOrder } from '../api/get-open-orders'
import { describeOrder, orderPrices, orderTypeLabels } from '../lib/describe-order'
import { CancelOrderDialog } from './cancel-order-dialog'

const sticky = 'sticky left-0 z-10 bg-surface'

export function OpenOrders({ orders, userId }: { orders: readonly OpenOrder[]; userId: string }) {
  const [cancelling, setCancelling] = useState<OpenOrder | null>(null)
  return (
    <>
      <TableContainer className="relative">
        <Table className="min-w-[40rem]">
          <caption className="sr-only">Open orders</caption>
          <THead>
            <Tr>
              <Th className={`${sticky} bg-surface-2`}>Symbol</Th>
              <Th>Side</Th>
              <Th>Type</Th>
              <Th className="text-right">Quantity</Th>
              <Th>Price</Th>
              <Th>Time in force</Th>
              <Th>Placed</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {orders.map((order) => (
              <Tr key={order.id}>
                <Th scope="row" className={`${sticky} text-left`}>
                  <Link
                    to={`/stocks/${order.symbol}`}
                    className="font-semibold text-link hover:underline"
                  >
                    {order.symbol}
                  </Link>
                </Th>
                <Td>
                  <span className={`font-medium ${order.side === 'buy' ? 'text-up' : 'text-down'}`}>
                    {order.side === 'buy' ? 'Buy' : 'Sell'}
                  </span>
                </Td>
                <Td>
                  {orderTypeLabels[order.type]}
                  {order.triggered_at && (
                    <span className="block text-xs text-muted">stop reached</span>
                  )}
                </Td>
                <Td className="text-right tabular-nums">{formatQuantity(order.quantity)}</Td>
                <Td className="tabular-nums">{orderPrices(order)}</Td>
                <Td>{order.time_in_force === 'day' ? 'Day' : 'Until cancelled'}</Td>
                <Td className="whitespace-nowrap text-muted">{formatDateTime(order.created_at)}</Td>
                <Td className="text-right">
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => setCancelling(order)}
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
      <CancelOrderDialog order={cancelling} userId={userId} onClose={() => setCancelling(null)} />
    </>
  )
}
