import * as z from 'zod/mini'

/**
 * Row shapes of the public schema as the app reads them (SPEC §3). PostgREST returns `numeric`
 * as JSON numbers. The zod schemas check server answers at run time, where static types do not
 * reach (STYLE.md); the api files parse with them through parseResponse.
 */
export const stockRowSchema = z.object({
  symbol: z.string(),
  name: z.string(),
  exchange: z.string(),
  sector: z.string(),
  currency: z.string(),
  price: z.coerce.number(),
  previous_close: z.coerce.number(),
  day_open: z.coerce.number(),
  day_high: z.coerce.number(),
  day_low: z.coerce.number(),
  volume: z.coerce.number(),
  /** Shares traded on an average day (seed data). */
  average_volume: z.coerce.number(),
  updated_at: z.string(),
})

export type Stock = z.infer<typeof stockRowSchema>

export const candleRowSchema = z.object({
  symbol: z.string(),
  // '1h': an hour of 1-minute candles, rolled up by get_hourly_candles (the chart's 1W)
  interval: z.enum(['1m', '1h', '1d']),
  bucket: z.string(),
  open: z.coerce.number(),
  high: z.coerce.number(),
  low: z.coerce.number(),
  close: z.coerce.number(),
  volume: z.coerce.number(),
})

export type Candle = z.infer<typeof candleRowSchema>

const orderSideSchema = z.enum(['buy', 'sell'])
const orderTypeSchema = z.enum(['market', 'limit', 'stop', 'stop_limit'])
const timeInForceSchema = z.enum(['day', 'gtc'])
const orderStatusSchema = z.enum(['pending', 'filled', 'cancelled', 'rejected', 'expired'])

export type OrderSide = z.infer<typeof orderSideSchema>
export type OrderType = z.infer<typeof orderTypeSchema>
export type TimeInForce = z.infer<typeof timeInForceSchema>
export type OrderStatus = z.infer<typeof orderStatusSchema>

/**
 * A numeric column that may be null. orderRowSchema checks whole rows, where a missing column
 * means the schema drifted: it must fail there rather than read as null.
 */
const strictNullableNumber = z.nullable(z.coerce.number())

/**
 * A nullable numeric column that also reads as null when the key is missing (Realtime change
 * payloads and the fetchers that select columns share it).
 */
export const nullableNumber = z.pipe(
  z.transform((value): unknown => value ?? null),
  strictNullableNumber,
)

export const orderRowSchema = z.object({
  id: z.string(),
  user_id: z.string(),
  client_order_id: z.nullable(z.string()),
  symbol: z.string(),
  side: orderSideSchema,
  type: orderTypeSchema,
  run: z.coerce.number().check(z.int()),
  quantity: z.coerce.number(),
  notional: strictNullableNumber,
  limit_price: strictNullableNumber,
  stop_price: strictNullableNumber,
  time_in_force: timeInForceSchema,
  status: orderStatusSchema,
  filled_price: strictNullableNumber,
  filled_at: z.nullable(z.string()),
  reject_reason: z.nullable(z.string()),
  created_at: z.string(),
})

export type Order = z.infer<typeof orderRowSchema>

export const profileRowSchema = z.object({
  id: z.string(),
  display_name: z.nullable(z.string()),
  avatar_url: z.nullable(z.string()),
  cash: z.coerce.number(),
  /** Cash reserved by resting buy orders. */
  held_cash: z.coerce.number(),
  /** cash − held_cash, computed by Postgres. */
  buying_power: z.coerce.number(),
  starting_cash: z.coerce.number(),
  current_run: z.coerce.number().check(z.int()),
  show_on_leaderboard: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
})

export type Profile = z.infer<typeof profileRowSchema>

export const positionRowSchema = z.object({
  user_id: z.string(),
  symbol: z.string(),
  quantity: z.coerce.number(),
  /** Shares reserved by resting sell orders. */
  held_quantity: z.coerce.number(),
  average_cost: z.coerce.number(),
  realized_pnl: z.coerce.number(),
  updated_at: z.string(),
})

export type Position = z.infer<typeof positionRowSchema>

export type WatchlistRow = {
  user_id: string
  symbol: string
  alert_above: number | null
  alert_below: number | null
  alert_triggered_at: string | null
  alert_triggered_price: number | null
  alert_triggered_direction: 'above' | 'below' | null
  created_at: string
}
