import { formatCurrency, formatQuantity } from '@/lib/format'

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

/** "stop $95.00, limit $94.50", or an em dash for market orders. */
export function orderPrices(order: DescribableOrder): string {
  const parts: string[] = []
  if (order.stop_price !== null) parts.push(`stop ${formatCurrency(order.stop_price)}`)
  if (order.limit_price !== null) parts.push(`limit ${formatCurrency(order.limit_price)}`)
  return parts.join(', ') || '—'
}
