import type { RealtimeChannel } from '@supabase/supabase-js'
import { openTradingStack, place, type Client, type TradingStack } from './stack-helpers.ts'

// SPEC §4 end to end: a tick is one `tick` broadcast on `market` with every quote; a resting
// order's fill and a crossed watchlist alert reach their owner through postgres_changes
// (filter user_id=eq.<uid>), and nobody else.

let t: TradingStack
const channels: RealtimeChannel[] = []

beforeAll(async () => {
  t = await openTradingStack()
})
afterAll(async () => {
  for (const channel of channels) await channel.unsubscribe()
  await t?.stop()
})

function subscribed(channel: RealtimeChannel): Promise<void> {
  channels.push(channel)
  return new Promise((resolve, reject) => {
    channel.subscribe((status, error) => {
      if (status === 'SUBSCRIBED') resolve()
      else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT')
        reject(error ?? new Error(status))
    })
  })
}

async function waitFor<T>(items: T[], count: number, ms = 5000): Promise<T[]> {
  const deadline = Date.now() + ms
  while (items.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25))
  return items
}

async function watchOwnRows(client: Client, userId: string, table: 'orders' | 'wishlists') {
  const events: Record<string, unknown>[] = []
  await subscribed(
    client
      .channel(`${table}-${userId}`)
      .on(
        'postgres_changes',
        { event: 'UPDATE', schema: 'public', table, filter: `user_id=eq.${userId}` },
        (payload) => events.push(payload.new),
      ),
  )
  return events
}

describe('realtime events', () => {
  it('publishes one tick broadcast per market_tick, with every quote', async () => {
    const viewer = t.stack.client()
    const ticks: { ts: string; quotes: { symbol: string; price: number }[] }[] = []
    await subscribed(
      viewer
        .channel('market')
        .on('broadcast', { event: 'tick' }, ({ payload }) => ticks.push(payload as never)),
    )
    await t.setPrice('AAPL', 123.45)
    await t.tick()
    await t.tick()
    await waitFor(ticks, 2)
    const { rows } = await t.stack.db.query<{ n: number }>(
      'select count(*)::int as n from public.stocks',
    )
    expect(ticks).toHaveLength(2)
    expect(ticks[0].quotes).toHaveLength(rows[0].n)
    expect(ticks[0].quotes.find((quote) => quote.symbol === 'AAPL')).toMatchObject({
      price: 123.45,
    })
  })

  it("delivers a resting order's fill to its owner only", async () => {
    const owner = await t.signUp()
    const other = await t.signUp()
    await t.setPrice('NVDA', 100)
    const order = await place(owner.client, {
      p_symbol: 'NVDA',
      p_side: 'buy',
      p_quantity: 1,
      p_type: 'limit',
      p_limit_price: 90,
    })
    const mine = await watchOwnRows(owner.client, owner.id, 'orders')
    const spying = await watchOwnRows(other.client, owner.id, 'orders')
    await t.setPrice('NVDA', 89)
    await t.tick()
    await waitFor(mine, 1)
    expect(mine).toEqual([
      expect.objectContaining({ id: order.id, status: 'filled', filled_price: 89 }),
    ])
    await new Promise((r) => setTimeout(r, 300))
    expect(spying).toEqual([])
  })

  it('delivers a crossed watchlist alert to its owner only, once', async () => {
    const owner = await t.signUp()
    const other = await t.signUp()
    await t.setPrice('KO', 60)
    await owner.client.from('wishlists').insert({ symbol: 'KO', alert_below: 55 })
    const mine = await watchOwnRows(owner.client, owner.id, 'wishlists')
    const spying = await watchOwnRows(other.client, owner.id, 'wishlists')
    await t.setPrice('KO', 54.5)
    await t.tick()
    await t.tick()
    await waitFor(mine, 1)
    await new Promise((r) => setTimeout(r, 300))
    expect(mine).toEqual([
      expect.objectContaining({
        symbol: 'KO',
        alert_below: null,
        alert_triggered_price: 54.5,
        alert_triggered_direction: 'below',
      }),
    ])
    expect(spying).toEqual([])
  })
})
