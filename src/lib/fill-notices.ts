import { formatOrderPrice, formatQuantity } from './format'
import type { Order } from './models'

/**
 * Order ids already announced. A market order's fill is reported by the order ticket (RPC
 * result), the postgres_changes event and the catch-up after a reconnect or poll; the user
 * should hear about it once. An order ends only once, so the same claim covers an engine
 * rejection or an expiry.
 */
const announced = new Set<string>()

/** Returns true the first time it is called for an order id. */
export function claimFillNotice(orderId: string): boolean {
  if (announced.has(orderId)) return false
  announced.add(orderId)
  return true
}

/** "Filled: bought 2 AAPL @ $190.12" */
export function describeFill(order: Pick<Order, 'side' | 'quantity' | 'symbol' | 'filled_price'>) {
  const verb = order.side === 'buy' ? 'bought' : 'sold'
  return `Filled: ${verb} ${formatQuantity(order.quantity)} ${order.symbol} @ ${formatOrderPrice(order.filled_price)}`
}
