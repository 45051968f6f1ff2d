import * as z from 'zod/mini'
import { formatMoney, formatQuantity } from '@/lib/format'
import type { OrderSide, OrderType, Position, TimeInForce } from '@/lib/models'
import { expectedFillPrice } from './order-outlook'
import type { PricedOrder } from './order-outlook'

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

/** A plain decimal, sign allowed so that "-1" gets "greater than 0" rather than "not a number". */
const numeric = /^-?(\d+\.?\d*|\.\d+)$/

const decimalPlaces = (value: string) => value.split('.')[1]?.length ?? 0

type AmountRules = {
  empty: string
  notPositive: string
  /** Decimal places the database keeps (quantities numeric(20, 6), prices (20, 4)). */
  places: number
  tooPrecise: string
  /** place_order's upper bound. */
  max: number
  tooLarge: string
}

/** Each check stops the rest, so the first issue is the one message the field shows. */
const amount = (rules: AmountRules) =>
  z.pipe(
    z.string().check(
      z.trim(),
      z.minLength(1, { error: rules.empty, abort: true }),
      z.regex(numeric, { error: 'Enter a number, like 10 or 2.5.', abort: true }),
      z.refine((value) => Number(value) > 0, { error: rules.notPositive, abort: true }),
      z.refine((value) => decimalPlaces(value) <= rules.places, {
        error: rules.tooPrecise,
        abort: true,
      }),
      z.refine((value) => Number(value) <= rules.max, { error: rules.tooLarge }),
    ),
    z.transform(Number),
  )

const price = (name: 'limit' | 'stop') =>
  amount({
    empty: `Enter a ${name} price.`,
    notPositive: `Enter a ${name} price greater than 0.`,
    places: 4,
    tooPrecise: `A ${name} price can have at most 4 decimal places.`,
    max: 1e9,
    tooLarge: `A ${name} price can be at most $1,000,000,000.`,
  })

const quantitySchema = amount({
  empty: 'Enter a number of shares.',
  notPositive: 'Enter a number of shares greater than 0.',
  places: 6,
  tooPrecise: 'Shares can have at most 6 decimal places.',
  max: 1e9,
  tooLarge: 'You can trade at most 1,000,000,000 shares in one order.',
})

// The database keeps 4 decimals of a notional; the ticket takes whole cents, so $0.01 is the least.
const notionalSchema = amount({
  empty: 'Enter a dollar amount.',
  notPositive: 'Enter a dollar amount of at least $0.01.',
  places: 2,
  tooPrecise: 'A dollar amount can have at most 2 decimal places (cents).',
  max: 1e12,
  tooLarge: 'A dollar amount can be at most $1,000,000,000,000.',
})
const limitPriceSchema = price('limit')
const stopPriceSchema = price('stop')

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
        ? issue('quantity', quantitySchema.safeParse(draft.quantity))
        : null
    const notional =
      draft.amountMode === 'dollars'
        ? issue('notional', notionalSchema.safeParse(draft.notional))
        : null
    const limitPrice =
      draft.type === 'limit' || draft.type === 'stop_limit'
        ? issue('limitPrice', limitPriceSchema.safeParse(draft.limitPrice))
        : null
    const stopPrice =
      draft.type === 'stop' || draft.type === 'stop_limit'
        ? issue('stopPrice', stopPriceSchema.safeParse(draft.stopPrice))
        : null
    return { ...draft, quantity, notional, limitPrice, stopPrice }
  }),
)

export type ValidOrder = z.output<typeof orderSchema>

export type FieldErrors = Partial<Record<keyof OrderDraft, string>>

/**
 * Each field's first problem. `typedOnly` leaves out the fields still empty: the ticket flags
 * what the user typed as they type, and asks for what is missing only when they submit.
 */
export function fieldErrors(draft: OrderDraft, { typedOnly = false } = {}): FieldErrors {
  const result = orderSchema.safeParse(draft)
  const errors: FieldErrors = {}
  if (result.success) return errors
  for (const issue of result.error.issues) {
    const field = issue.path[0] as keyof OrderDraft
    if (typedOnly && String(draft[field]).trim() === '') continue
    errors[field] ??= issue.message
  }
  return errors
}

/**
 * Why a sell cannot be placed whatever the amount (said before anything is typed): no shares
 * of the stock, or all of them held by resting sell orders. Null when there are some to sell.
 */
export function nothingToSell(
  symbol: string,
  position: Pick<Position, 'quantity' | 'held_quantity'> | undefined,
): string | null {
  // Under half the database's last (6th) decimal is nothing: float subtraction leaves crumbs.
  if (!position || position.quantity < 5e-7) return `You have no ${symbol} shares to sell.`
  if (position.quantity - position.held_quantity < 5e-7)
    return `All your ${symbol} shares are held by open sell orders.`
  return null
}

export type Estimate = {
  /** Shares the order is for (for a dollar amount: the server's truncation to 6 decimals). */
  shares: number
  /** About what each share fills at (expectedFillPrice): the live price once crossed. */
  fillPrice: number
  /** Approximate trade value at that price: the estimated cost of a buy, credit of a sell. */
  value: number
  /** Cash a resting buy holds while it waits (stop: 105 % of max(stop, market)); else null. */
  held: number | null
  /** What the buying-power check compares: a market buy's cost, a resting buy's hold. */
  cashNeeded: number
  /**
   * Buying power once placed: less a buy's cashNeeded, plus a market sell's value (a resting
   * sell holds shares, not cash). Null while the buying power is not known.
   */
  buyingPowerAfter: number | null
  problem: string | null
}

/**
 * Mirrors place_order's checks (SPEC §3) so the user sees a problem before submitting. The
 * server decides; this is only an estimate at the live price.
 */
export function estimateOrder(order: ValidOrder, context: OrderContext): Estimate {
  // place_order's reference for turning a dollar amount into shares.
  const referencePrice =
    order.type === 'market'
      ? context.price
      : order.type === 'stop'
        ? order.stopPrice!
        : order.limitPrice!
  const shares = order.quantity ?? Math.trunc(((order.notional ?? 0) / referencePrice) * 1e6) / 1e6
  const fillPrice = expectedFillPrice(order, context.price)
  const value = shares * fillPrice
  const held =
    order.side === 'buy' && order.type !== 'market'
      ? shares * buyCashPerShare(order, context.price)
      : null
  const cashNeeded = order.side === 'buy' ? (held ?? shares * context.price) : 0
  let problem: string | null = null
  if (shares <= 0 || shares * referencePrice < 0.0001) problem = 'The order is too small.'
  else if (
    order.side === 'buy' &&
    context.buyingPower !== null &&
    cashNeeded > context.buyingPower + 1e-9
  ) {
    const most = maxBuyShares(order, context.price, context.buyingPower)
    // A number of shares gets the most it can be; a dollar amount has its own button.
    problem =
      order.quantity !== null && most > 0
        ? `Not enough buying power for this order. You can buy at most ${formatQuantity(most)} ${most === 1 ? 'share' : 'shares'}.`
        : 'Not enough buying power for this order.'
  } else if (order.side === 'sell' && shares > context.availableShares + 1e-9)
    problem =
      context.availableShares <= 0
        ? 'You do not own any shares of this stock to sell.'
        : order.notional !== null
          ? // in the unit being typed: the most a dollar amount can be (cents down), then shares
            `You can sell at most ${formatMoney(Math.floor(context.availableShares * referencePrice * 100) / 100)} (${formatQuantity(context.availableShares)} shares).`
          : `You can sell at most ${formatQuantity(context.availableShares)} shares.`
  const buyingPower = context.buyingPower
  const buyingPowerAfter =
    buyingPower === null
      ? null
      : order.side === 'buy'
        ? buyingPower - cashNeeded
        : order.type === 'market'
          ? buyingPower + value
          : buyingPower
  return { shares, fillPrice, value, held, cashNeeded, buyingPowerAfter, problem }
}

/** What an order is checked against: the live price, buying power and shares not held. */
export type OrderContext = { price: number; buyingPower: number | null; availableShares: number }

/**
 * The confirm dialog's re-check: why an order that passed the ticket's check when reviewed
 * cannot be placed now (the price ticked, or another order spent the cash or shares), said as
 * what changed and what it now needs; null while it still fits. The amounts are rounded apart
 * (what it needs up, what there is down) so the sentence never reads "$100.00, more than $100.00".
 */
export function reviewProblem(
  order: ValidOrder,
  reviewed: OrderContext,
  now: OrderContext,
): string | null {
  const estimate = estimateOrder(order, now)
  if (!estimate.problem) return null
  const bp = now.buyingPower
  if (order.side === 'buy' && bp !== null && estimate.cashNeeded > bp + 1e-9) {
    const cause =
      reviewed.buyingPower !== null && bp < reviewed.buyingPower - 1e-9
        ? 'Your buying power went down'
        : 'The price moved'
    // To the micro-cent first: 1.1 × 100 is 110.00000000000001 in floats, not over $1.10.
    const cents = (value: number) => Number((value * 100).toFixed(6))
    const needs = Math.ceil(cents(estimate.cashNeeded)) / 100
    const has = Math.floor(cents(bp)) / 100
    return `${cause}: this order now needs ${formatMoney(needs)}, more than your buying power ${formatMoney(has)}.`
  }
  if (order.side === 'sell' && estimate.shares > now.availableShares + 1e-9) {
    const cause =
      now.availableShares < reviewed.availableShares - 1e-9
        ? 'Your available shares went down'
        : 'The price moved'
    return `${cause}: this order now needs ${formatQuantity(estimate.shares)} shares, more than the ${formatQuantity(Math.max(now.availableShares, 0))} you have available.`
  }
  return estimate.problem
}

/**
 * The cash place_order needs per share of a buy: a market buy its price; a resting buy holds its
 * limit, or (stop) 105 % of max(stop, market), since it may fill above its stop. NaN while the
 * price it needs is not known (not typed yet).
 */
export function buyCashPerShare(order: PricedOrder, market: number): number {
  switch (order.type) {
    case 'market':
      return market
    case 'stop':
      return Math.max(order.stopPrice ?? Number.NaN, market) * 1.05
    case 'limit':
    case 'stop_limit':
      return order.limitPrice ?? Number.NaN
  }
}

/**
 * The most shares (to the 6 decimals the engine keeps) a buy can be for with this buying power,
 * by the same rule estimateOrder checks; 0 when not even 0.000001 share.
 */
export function maxBuyShares(order: PricedOrder, market: number, buyingPower: number): number {
  const perShare = buyCashPerShare(order, market)
  if (!(perShare > 0) || !(buyingPower > 0)) return 0
  // The division may land a hair over a whole micro-share (5 → 5.0000000001): step back if so.
  let micros = Math.floor((buyingPower / perShare) * 1e6 + 1e-6)
  if ((micros / 1e6) * perShare > buyingPower + 1e-9) micros -= 1
  return Math.min(micros, 1e15) / 1e6
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
    // Hidden for market orders, where it does not apply: a day picked before switching is dropped.
    p_time_in_force: order.type === 'market' ? 'gtc' : order.timeInForce,
    p_client_order_id: clientOrderId,
  }
}

/**
 * "Day (expires 7:00 PM your time)": a day order expires at the next 00:00 UTC, said in the
 * user's own clock.
 */
export function dayOrderLabel(now: Date, timeZone?: string): string {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)
  const time = new Intl.DateTimeFormat('en-US', { timeStyle: 'short', timeZone }).format(midnight)
  return `Day (expires ${time} your time)`
}
