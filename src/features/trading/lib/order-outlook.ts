import { formatCurrency } from '@/lib/format'
import type { OrderSide, OrderType } from '@/lib/models'

export type PricedOrder = {
  side: OrderSide
  type: OrderType
  limitPrice: number | null
  stopPrice: number | null
}

/** A non-market order that the price has already crossed: it will not rest as it seems to. */
export type ImmediateOutlook = {
  /** The price field the notice belongs under. */
  field: 'stopPrice' | 'limitPrice'
  /** For the ticket and the confirm dialog: "Your stop is below the market price ($139.33): …". */
  notice: string
  /** For the "Order placed" toast: "It will trigger on the next tick …". */
  next: string
}

/** A buy triggers (stop) at or above its price and fills (limit) at or below; a sell the reverse. */
const stopCrossed = (side: OrderSide, stop: number, market: number) =>
  side === 'buy' ? stop <= market : stop >= market
const limitCrossed = (side: OrderSide, limit: number, market: number) =>
  side === 'buy' ? limit >= market : limit <= market

function where(price: number, market: number): string {
  if (price === market) return 'at'
  return price < market ? 'below' : 'above'
}

/**
 * market_tick fills every resting order the price has crossed on the next tick, so an order
 * placed already crossed (a buy stop at or below the market, a limit buy at or above it, ...)
 * trades right away instead of resting. Null when the order rests (or is a market order).
 */
export function immediateOutlook(order: PricedOrder, market: number): ImmediateOutlook | null {
  const { side, type, limitPrice: limit, stopPrice: stop } = order
  let field: ImmediateOutlook['field']
  let price: number
  let clause: string
  if (type === 'limit' && limit !== null && limitCrossed(side, limit, market)) {
    field = 'limitPrice'
    price = limit
    clause = 'will likely fill on the next tick at the market price or better'
  } else if (type === 'stop' && stop !== null && stopCrossed(side, stop, market)) {
    field = 'stopPrice'
    price = stop
    clause = 'will trigger on the next tick and fill at about the market price'
  } else if (type === 'stop_limit' && stop !== null && stopCrossed(side, stop, market)) {
    // Triggered, it is a limit order: it fills at once only if the limit allows the market.
    field = 'stopPrice'
    price = stop
    clause =
      limit === null || limitCrossed(side, limit, market)
        ? 'will trigger on the next tick and likely fill at the market price or better'
        : `will trigger on the next tick, then rest as a limit order until the price ${side === 'buy' ? 'falls' : 'rises'} to your limit (${formatCurrency(limit)})`
  } else {
    return null
  }
  const name = field === 'stopPrice' ? 'stop' : 'limit'
  return {
    field,
    notice: `Your ${name} is ${where(price, market)} the market price (${formatCurrency(market)}): this order ${clause}.`,
    next: `It ${clause}.`,
  }
}

/**
 * About what the order fills at: the market price once crossed, else its own price (a stop
 * fills at the market when triggered, i.e. about its stop; a limit at its limit or better).
 */
export function expectedFillPrice(order: PricedOrder, market: number): number {
  const { side, type, limitPrice: limit, stopPrice: stop } = order
  const buy = side === 'buy'
  const triggerAt = stop === null ? market : buy ? Math.max(stop, market) : Math.min(stop, market)
  switch (type) {
    case 'market':
      return market
    case 'stop':
      return triggerAt
    case 'limit':
      return buy ? Math.min(market, limit!) : Math.max(market, limit!)
    case 'stop_limit':
      return buy ? Math.min(triggerAt, limit!) : Math.max(triggerAt, limit!)
  }
}
