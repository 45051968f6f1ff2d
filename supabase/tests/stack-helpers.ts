import type { SupabaseClient } from '@supabase/supabase-js'
import { startLocalStack, type LocalStack } from '../../local-supabase/testing.ts'
import type { Database } from '../../src/lib/database.types.ts'

export type Client = SupabaseClient<Database>

export interface TradingStack {
  stack: LocalStack
  /** service_role client: drives the market (set_stock_price, market_tick). */
  service: Client
  anon: Client
  signUp(options?: { anonymous?: boolean }): Promise<{ client: Client; id: string }>
  setPrice(symbol: string, price: number): Promise<void>
  tick(at?: Date): Promise<Record<string, number>>
  /** Every row the user owns, straight from the database (superuser), for before/after checks. */
  snapshot(userId: string): Promise<unknown>
  stop(): Promise<void>
}

/**
 * A local stack (real HTTP server, real supabase-js) with simulated time frozen: prices move
 * only through setPrice, and tick() fills what they cross, so every scenario is exact.
 */
export async function openTradingStack(): Promise<TradingStack> {
  const stack = await startLocalStack()
  const service = stack.client(stack.serviceRoleKey) as unknown as Client
  const { error } = await service.from('market_state').update({ speed: 0 }).eq('id', true)
  if (error) throw new Error(error.message)
  return {
    stack,
    service,
    anon: stack.client() as unknown as Client,
    async signUp(options = {}) {
      const { client, user } = await stack.signUp(options)
      return { client: client as unknown as Client, id: user.id }
    },
    async setPrice(symbol, price) {
      const { error } = await service.rpc('set_stock_price', { p_symbol: symbol, p_price: price })
      if (error) throw new Error(error.message)
    },
    async tick(at) {
      const { data, error } = await service.rpc(
        'market_tick',
        at ? { p_now: at.toISOString() } : {},
      )
      if (error) throw new Error(error.message)
      return data as Record<string, number>
    },
    async snapshot(userId) {
      const { rows } = await stack.db.query<{ snapshot: unknown }>(
        `select jsonb_build_object(
           'profile', (select to_jsonb(p) from public.profiles p where p.id = $1),
           'portfolios', (select jsonb_agg(to_jsonb(x) order by x.symbol) from public.portfolios x where x.user_id = $1),
           'orders', (select jsonb_agg(to_jsonb(x) order by x.id) from public.orders x where x.user_id = $1),
           'transactions', (select jsonb_agg(to_jsonb(x) order by x.id) from public.transactions x where x.user_id = $1),
           'wishlists', (select jsonb_agg(to_jsonb(x) order by x.symbol) from public.wishlists x where x.user_id = $1),
           'alert_events', (select jsonb_agg(to_jsonb(x) order by x.id) from public.alert_events x where x.user_id = $1)
         ) as snapshot`,
        [userId],
      )
      return rows[0].snapshot
    },
    stop: () => stack.stop(),
  }
}

export async function profileOf(client: Client) {
  const { data, error } = await client.from('profiles').select('*').single()
  if (error) throw new Error(error.message)
  return data
}

export async function positionOf(client: Client, symbol: string) {
  const { data, error } = await client
    .from('portfolios')
    .select('*')
    .eq('symbol', symbol)
    .maybeSingle()
  if (error) throw new Error(error.message)
  return data
}

export async function orderOf(client: Client, id: string) {
  const { data, error } = await client.from('orders').select('*').eq('id', id).single()
  if (error) throw new Error(error.message)
  return data
}

type PlaceArgs = Database['public']['Functions']['place_order']['Args']

/** place_order that must succeed. */
export async function place(client: Client, args: PlaceArgs) {
  const { data, error } = await client.rpc('place_order', args)
  if (error) throw new Error(`${error.message} (${error.hint})`)
  return data
}
