import { formatOrderPrice, formatQuantity } from '@/lib/format'

export interface DescribableOrder {
  symbol: string
  side: 'buy' | 'sell'
  type: 'market' | 'limit' | 'stop' | 'stop_limit'
  quantity: number
  limit_price: number | null
  stop_price: number | null
}

export const orderTypeLabels: Record<DescribableOrder['type'], string> = {
  market: 'Market',
  limit: 'Limit',
  stop: 'Stop',
  stop_limit: 'Stop limit',
}

/** "Buy 2 AAPL limit", used in accessible names and confirmations. */
export function describeOrder(order: DescribableOrder): string {
  const side = order.side === 'buy' ? 'Buy' : 'Sell'
  return `${side} ${formatQuantity(order.quantity)} ${order.symbol} ${orderTypeLabels[order.type].toLowerCase()}`
}

/**
 * "Stop $95.00, limit $94.50", "Limit $150.00", or "Market" when the order has no price. Each
 * price is tied to its name by a no-break space: a narrow cell breaks after the comma, never
 * between "limit" and its amount.
 */
export function orderPrices(order: DescribableOrder): string {
  const parts: string[] = []
  if (order.stop_price !== null) parts.push(`stop\u00a0${formatOrderPrice(order.stop_price)}`)
  if (order.limit_price !== null) parts.push(`limit\u00a0${formatOrderPrice(order.limit_price)}`)
  const text = parts.join(', ')
  return text ? text[0].toUpperCase() + text.slice(1) : 'Market'
}

export const timeInForceLabels: Record<'day' | 'gtc', string> = {
  day: 'Day',
  gtc: 'Good till cancelled',
}

/** A market order fills (or is rejected) at once, so its time in force does not apply. */
export function timeInForceLabel(
  order: Pick<DescribableOrder, 'type'> & {
    time_in_force: 'day' | 'gtc'
  },
): string {
  return order.type === 'market' ? '—' : timeInForceLabels[order.time_in_force]
}
