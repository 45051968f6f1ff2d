import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import WebSocket from 'ws'
import { startLocalStack, type LocalStack } from '../testing.ts'
import { sleep, subscribe, waitFor } from './test-support.ts'

/**
 * Realtime mounted in the real stack over the app's own migrations and seed: the
 * contract of SPEC §4 (market ticks by broadcast, per-user orders by postgres_changes).
 */
let stack: LocalStack
const clients: SupabaseClient[] = []

beforeAll(async () => {
  stack = await startLocalStack()
})
afterAll(async () => {
  await Promise.all(clients.map((c) => c.removeAllChannels()))
  await stack?.stop()
})

function realtimeClient(key: string, accessToken?: string): SupabaseClient {
  const client = createClient(stack.url, key, {
    auth: { persistSession: false, autoRefreshToken: false },
    ...(accessToken ? { accessToken: async () => accessToken } : {}),
    realtime: { transport: WebSocket as never },
  })
  if (accessToken) void client.realtime.setAuth(accessToken)
  clients.push(client)
  return client
}

it('broadcasts one market tick per market_tick() to anonymous visitors', async () => {
  const ticks: Array<{ ts: unknown; quotes: Array<Record<string, unknown>> }> = []
  const channel = realtimeClient(stack.anonKey)
    .channel('market')
    .on('broadcast', { event: 'tick' }, (m) => ticks.push(m.payload))
  expect((await subscribe(channel)).status).toBe('SUBSCRIBED')
  const service = realtimeClient(stack.serviceRoleKey)
  const { error } = await service.rpc('market_tick')
  expect(error).toBeNull()
  await waitFor(() => ticks.length === 1, 10_000)
  expect(ticks[0].quotes.length).toBeGreaterThan(0)
  expect(Object.keys(ticks[0].quotes[0]).sort()).toEqual(
    ['day_high', 'day_low', 'previous_close', 'price', 'symbol', 'volume'].sort(),
  )
})

it("delivers a user's own order changes and never another user's", async () => {
  const alice = await stack.signUp()
  const bob = await stack.signUp()
  const forAlice: Array<Record<string, unknown>> = []
  const forBob: Array<Record<string, unknown>> = []
  const aliceChannel = realtimeClient(stack.anonKey, alice.session.access_token)
    .channel('my-orders')
    .on(
      'postgres_changes',
      { event: '*', schema: 'public', table: 'orders', filter: `user_id=eq.${alice.user.id}` },
      (p) => forAlice.push(p.new as Record<string, unknown>),
    )
  const bobChannel = realtimeClient(stack.anonKey, bob.session.access_token)
    .channel('all-orders')
    .on('postgres_changes', { event: '*', schema: 'public', table: 'orders' }, (p) =>
      forBob.push(p.new as Record<string, unknown>),
    )
  expect((await subscribe(aliceChannel)).status).toBe('SUBSCRIBED')
  expect((await subscribe(bobChannel)).status).toBe('SUBSCRIBED')

  const { data: symbols } = await alice.client.from('stocks').select('symbol').limit(1)
  const symbol = symbols?.[0]?.symbol as string
  const placed = await alice.client.rpc('place_order', {
    p_symbol: symbol,
    p_side: 'buy',
    p_quantity: 1,
  })
  expect(placed.error).toBeNull()
  const bobs = await bob.client.rpc('place_order', {
    p_symbol: symbol,
    p_side: 'buy',
    p_quantity: 2,
  })
  expect(bobs.error).toBeNull()

  await waitFor(() => forAlice.length > 0 && forBob.length > 0, 10_000)
  await sleep(200)
  expect(forAlice.every((o) => o.user_id === alice.user.id)).toBe(true)
  expect(forBob.every((o) => o.user_id === bob.user.id)).toBe(true)
  expect(forAlice.some((o) => o.symbol === symbol && o.quantity === 1)).toBe(true)
})
