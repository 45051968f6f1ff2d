/**
 * Row shapes of the public schema as the app reads them (SPEC §3). PostgREST returns `numeric`
 * as JSON numbers.
 */
export type Stock = {
  symbol: string
  name: string
  exchange: string
  sector: string
  currency: string
  price: number
  previous_close: number
  day_open: number
  day_high: number
  day_low: number
  volume: number
  /** Shares traded on an average day (seed data). */
  average_volume: number
  updated_at: string
}

export type Candle = {
  symbol: string
  interval: '1m' | '1d'
  bucket: string
  open: number
  high: number
  low: number
  close: number
  volume: number
}

export type OrderSide = 'buy' | 'sell'
export type OrderType = 'market' | 'limit' | 'stop' | 'stop_limit'
export type TimeInForce = 'day' | 'gtc'
export type OrderStatus = 'pending' | 'filled' | 'cancelled' | 'rejected' | 'expired'

export type Order = {
  id: string
  user_id: string
  client_order_id: string | null
  symbol: string
  side: OrderSide
  type: OrderType
  run: number
  quantity: number
  notional: number | null
  limit_price: number | null
  stop_price: number | null
  time_in_force: TimeInForce
  status: OrderStatus
  filled_price: number | null
  filled_at: string | null
  reject_reason: string | null
  created_at: string
}

export type Profile = {
  id: string
  display_name: string | null
  avatar_url: string | null
  cash: number
  /** Cash reserved by resting buy orders. */
  held_cash: number
  /** cash − held_cash, computed by Postgres. */
  buying_power: number
  starting_cash: number
  current_run: number
  show_on_leaderboard: boolean
  created_at: string
  updated_at: string
}

export type Position = {
  user_id: string
  symbol: string
  quantity: number
  /** Shares reserved by resting sell orders. */
  held_quantity: number
  average_cost: number
  realized_pnl: number
  updated_at: string
}

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
