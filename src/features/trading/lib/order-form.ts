import * as z from 'zod/mini'
import type { OrderSide, OrderType, TimeInForce } from '@/lib/models'

export type AmountMode = 'shares' | 'dollars'

export type OrderDraft = {
  side: OrderSide
  type: OrderType
  amountMode: AmountMode
  quantity: string
  notional: string
  limitPrice: string
  stopPrice: string
  timeInForce: TimeInForce
}

export const emptyDraft = (side: OrderSide = 'buy'): OrderDraft => ({
  side,
  type: 'market',
  amountMode: 'shares',
  quantity: '',
  notional: '',
  limitPrice: '',
  stopPrice: '',
  timeInForce: 'gtc',
})

const decimals = (max: number) => new RegExp(`^\\d+(\\.\\d{1,${max}})?$`)

const positive = (label: string, places: number) => {
  const capitalized = `${label[0].toUpperCase()}${label.slice(1)}`
  return z
    .pipe(
      z.string().check(
        z.trim(),
        z.minLength(1, { error: `Enter ${label}.` }),
        z.regex(decimals(places), {
          error: `${capitalized} must be a number with up to ${places} decimals.`,
        }),
      ),
      z.transform(Number),
    )
    .check(z.refine((n) => n > 0, { error: `${capitalized} must be more than zero.` }))
}

/** What the ticket validates before it may submit; the server checks it all again. */
export const orderSchema = z.pipe(
  z.object({
    side: z.enum(['buy', 'sell']),
    type: z.enum(['market', 'limit', 'stop', 'stop_limit']),
    amountMode: z.enum(['shares', 'dollars']),
    quantity: z.string(),
    notional: z.string(),
    limitPrice: z.string(),
    stopPrice: z.string(),
    timeInForce: z.enum(['day', 'gtc']),
  }),
  z.transform((draft, ctx) => {
    const issue = (path: keyof OrderDraft, result: z.core.util.SafeParseResult<number>) => {
      if (result.success) return result.data
      const message = result.error.issues[0].message
      ctx.issues.push({ code: 'custom', path: [path], message, input: draft })
      return null
    }
    const quantity =
      draft.amountMode === 'shares'
        ? issue('quantity', positive('a number of shares', 6).safeParse(draft.quantity))
        : null
    const notional =
      draft.amountMode === 'dollars'
        ? issue('notional', positive('a dollar amount', 2).safeParse(draft.notional))
        : null
    const limitPrice =
      draft.type === 'limit' || draft.type === 'stop_limit'
        ? issue('limitPrice', positive('a limit price', 4).safeParse(draft.limitPrice))
        : null
    const stopPrice =
      draft.type === 'stop' || draft.type === 'stop_limit'
        ? issue('stopPrice', positive('a stop price', 4).safeParse(draft.stopPrice))
        : null
    return { ...draft, quantity, notional, limitPrice, stopPrice }
  }),
)

export type ValidOrder = z.output<typeof orderSchema>

export type Estimate = {
  /** Shares the order is for (for a dollar amount: the server's truncation to 6 decimals). */
  shares: number
  /** Price the estimate uses: live price for market orders, else the order's own price. */
  referencePrice: number
  /** Approximate trade value. */
  value: number
  /** Cash a buy reserves or spends (market: the cost; stop buys: +5 % margin like the server). */
  cashNeeded: number
  problem: string | null
}

/**
 * Mirrors place_order's checks (SPEC §3) so the user sees a problem before submitting. The
 * server decides; this is only an estimate at the live price.
 */
export function estimateOrder(
  order: ValidOrder,
  context: { price: number; buyingPower: number | null; availableShares: number },
): Estimate {
  const referencePrice =
    order.type === 'market'
      ? context.price
      : order.type === 'stop'
        ? order.stopPrice!
        : order.limitPrice!
  const shares = order.quantity ?? Math.trunc(((order.notional ?? 0) / referencePrice) * 1e6) / 1e6
  const value = shares * referencePrice
  let cashNeeded = 0
  if (order.side === 'buy') {
    cashNeeded =
      order.type === 'market'
        ? shares * context.price
        : order.type === 'stop'
          ? shares * Math.max(order.stopPrice!, context.price) * 1.05
          : shares * order.limitPrice!
  }
  let problem: string | null = null
  if (shares <= 0 || value < 0.0001) problem = 'The order is too small.'
  else if (
    order.side === 'buy' &&
    context.buyingPower !== null &&
    cashNeeded > context.buyingPower + 1e-9
  )
    problem = 'Not enough buying power for this order.'
  else if (order.side === 'sell' && shares > context.availableShares + 1e-9)
    problem =
      context.availableShares > 0
        ? `You can sell at most ${context.availableShares} shares.`
        : 'You do not own any shares of this stock to sell.'
  return { shares, referencePrice, value, cashNeeded, problem }
}

/**
 * The place_order arguments. Market orders never carry a price: the server uses its own. What
 * does not apply is left out (JSON drops undefined), so Postgres applies the default null.
 */
export function toRpcArgs(symbol: string, order: ValidOrder, clientOrderId: string) {
  const takesLimit = order.type === 'limit' || order.type === 'stop_limit'
  const takesStop = order.type === 'stop' || order.type === 'stop_limit'
  return {
    p_symbol: symbol,
    p_side: order.side,
    p_type: order.type,
    p_quantity: order.quantity ?? undefined,
    p_notional: order.notional ?? undefined,
    p_limit_price: takesLimit ? (order.limitPrice ?? undefined) : undefined,
    p_stop_price: takesStop ? (order.stopPrice ?? undefined) : undefined,
    p_time_in_force: order.timeInForce,
    p_client_order_id: clientOrderId,
  }
}
