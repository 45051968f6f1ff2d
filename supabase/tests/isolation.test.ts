import { openTradingStack, place, type Client, type TradingStack } from './stack-helpers.ts'

// Cross-user isolation: another signed-in user and a signed-out visitor try every read and
// write on every table and every function against a victim's rows. Zero leaks: no victim
// row is ever returned, and the victim's rows (and every total) are byte-for-byte unchanged.

const USER_TABLES = [
  'profiles',
  'portfolios',
  'orders',
  'transactions',
  'wishlists',
  'alert_events',
] as const
const ALL_TABLES = [...USER_TABLES, 'stocks', 'price_candles', 'market_state'] as const
type Table = (typeof ALL_TABLES)[number]

let t: TradingStack
let victim: { client: Client; id: string }
let attacker: { client: Client; id: string }
let victimOrderId: string
let victimAlertId: number

beforeAll(async () => {
  t = await openTradingStack()
  victim = await t.signUp()
  attacker = await t.signUp()
  await t.setPrice('AAPL', 200)
  await place(victim.client, { p_symbol: 'AAPL', p_side: 'buy', p_quantity: 5 })
  victimOrderId = (
    await place(victim.client, {
      p_symbol: 'AAPL',
      p_side: 'sell',
      p_quantity: 2,
      p_type: 'limit',
      p_limit_price: 300,
    })
  ).id
  await victim.client.from('wishlists').insert({ symbol: 'AAPL', alert_above: 400 })
  // an alert that fires on the next tick, so the victim has an alert event too
  await victim.client.from('wishlists').insert({ symbol: 'KO', alert_below: 1e9 })
  await t.tick()
  const { data: alerts } = await t.service
    .from('alert_events')
    .select('id')
    .eq('user_id', victim.id)
    .throwOnError()
  expect(alerts).toHaveLength(1)
  victimAlertId = alerts![0].id
  await place(attacker.client, { p_symbol: 'AAPL', p_side: 'buy', p_quantity: 1 })
})
afterAll(async () => {
  await t?.stop()
})

async function world(): Promise<unknown> {
  const { rows } = await t.stack.db.query(
    `select (select count(*) from public.orders) as orders, (select count(*) from public.transactions) as fills,
       (select count(*) from public.wishlists) as wishes, (select count(*) from public.portfolios) as positions,
       (select count(*) from public.alert_events) as alerts,
       (select count(*) from public.profiles) as profiles, (select sum(cash) from public.profiles) as cash,
       (select md5(string_agg(symbol || price, ',' order by symbol)) from public.stocks) as stocks,
       (select count(*) from public.price_candles) as candles, (select to_jsonb(m) from public.market_state m) as market`,
  )
  return { victim: await t.snapshot(victim.id), totals: rows[0] }
}

function leaks(rows: unknown, id: string): boolean {
  return JSON.stringify(rows ?? null).includes(id)
}

const victimFilter = (table: Table) => (table === 'profiles' ? 'id' : 'user_id')

describe('cross-user isolation', () => {
  const actors = () => [
    { name: 'another user', client: attacker.client },
    { name: 'a signed-out visitor', client: t.anon },
  ]

  it('reads: no victim row through any table, filter or embedding', async () => {
    for (const actor of actors()) {
      for (const table of USER_TABLES) {
        const all = await actor.client.from(table).select('*')
        expect(leaks(all.data, victim.id), `${actor.name} reads ${table}`).toBe(false)
        const aimed = await actor.client
          .from(table)
          .select('*')
          .eq(victimFilter(table) as never, victim.id as never)
        expect(aimed.data ?? [], `${actor.name} filters ${table}`).toEqual([])
      }
      const embedded = await actor.client
        .from('stocks')
        .select('symbol, orders(*), portfolios(*), transactions(*), wishlists(*), alert_events(*)')
        .eq('symbol', 'AAPL')
      expect(leaks(embedded.data, victim.id), `${actor.name} embeds`).toBe(false)
      const state = await actor.client.from('market_state').select('*')
      expect(state.data ?? [], `${actor.name} reads market_state`).toEqual([])
      expect(state.error).not.toBeNull()
    }
    const anonProfiles = await t.anon.from('profiles').select('*')
    expect(anonProfiles.error?.code).toBe('42501')
  })

  it('writes: inserts, updates, upserts and deletes aimed at the victim change nothing', async () => {
    const before = await world()
    const ids = { id: victim.id, user_id: victim.id }
    const inserts: Record<Table, Record<string, unknown>> = {
      profiles: { id: victim.id, display_name: 'x', cash: 1e9 },
      portfolios: { user_id: victim.id, symbol: 'MSFT', quantity: 1000 },
      orders: { user_id: victim.id, symbol: 'MSFT', side: 'buy', type: 'market', quantity: 1 },
      transactions: {
        user_id: victim.id,
        order_id: victimOrderId,
        symbol: 'MSFT',
        side: 'buy',
        quantity: 1,
        price: 1,
        amount: 1,
        cash_after: 1,
      },
      wishlists: { user_id: victim.id, symbol: 'MSFT' },
      alert_events: {
        user_id: victim.id,
        symbol: 'MSFT',
        direction: 'above',
        price: 1,
        triggered_at: new Date().toISOString(),
      },
      stocks: {
        symbol: 'EVIL',
        name: 'Evil',
        exchange: 'NYSE',
        sector: 'X',
        price: 1,
        previous_close: 1,
        day_open: 1,
        day_high: 1,
        day_low: 1,
        volatility: 0.1,
      },
      price_candles: {
        symbol: 'AAPL',
        interval: '1d',
        bucket: '2001-01-01T00:00:00Z',
        open: 1,
        high: 1,
        low: 1,
        close: 1,
      },
      market_state: { id: true, seed: 1 },
    }
    const updates: Record<Table, Record<string, unknown>> = {
      profiles: { cash: 1e9, display_name: 'pwned', show_on_leaderboard: true },
      portfolios: { quantity: 0, held_quantity: 0 },
      orders: { status: 'cancelled' },
      transactions: { amount: 0 },
      wishlists: { alert_above: 1 },
      alert_events: { dismissed_at: new Date().toISOString() },
      stocks: { price: 1 },
      price_candles: { close: 1 },
      market_state: { seed: 1, speed: 1000 },
    }
    for (const actor of actors()) {
      for (const table of ALL_TABLES) {
        const label = `${actor.name} on ${table}`
        const from = () => actor.client.from(table as 'orders')
        const insert = await from()
          .insert(inserts[table] as never)
          .select()
        expect(insert.error, `${label}: insert`).not.toBeNull()
        const upsert = await from()
          .upsert(inserts[table] as never)
          .select()
        expect(upsert.error, `${label}: upsert`).not.toBeNull()
        const filter = USER_TABLES.includes(table as (typeof USER_TABLES)[number])
          ? victimFilter(table)
          : null
        const update = filter
          ? await from()
              .update(updates[table] as never)
              .eq(filter as 'user_id', ids[filter as 'user_id'])
              .select()
          : await from()
              .update(updates[table] as never)
              .neq('symbol' as 'user_id', '')
              .select()
        expect(update.data ?? [], `${label}: update`).toEqual([])
        const remove = filter
          ? await from()
              .delete()
              .eq(filter as 'user_id', ids[filter as 'user_id'])
              .select()
          : await from()
              .delete()
              .neq('symbol' as 'user_id', '')
              .select()
        expect(remove.data ?? [], `${label}: delete`).toEqual([])
      }
    }
    expect(await world()).toEqual(before)
  })

  it('own rows: cash, positions, orders and the ledger are not writable even by their owner', async () => {
    const before = await world()
    const self = attacker.client
    expect(
      (await self.from('profiles').update({ cash: 1e9 }).eq('id', attacker.id)).error?.code,
    ).toBe('42501')
    expect(
      (await self.from('profiles').update({ current_run: 7 }).eq('id', attacker.id)).error?.code,
    ).toBe('42501')
    expect(
      (await self.from('profiles').update({ id: victim.id }).eq('id', attacker.id)).error?.code,
    ).toBe('42501')
    expect(
      (await self.from('portfolios').update({ quantity: 1e6 }).eq('user_id', attacker.id)).error
        ?.code,
    ).toBe('42501')
    expect(
      (await self.from('orders').update({ status: 'filled' }).eq('user_id', attacker.id)).error
        ?.code,
    ).toBe('42501')
    expect((await self.from('transactions').delete().eq('user_id', attacker.id)).error?.code).toBe(
      '42501',
    )
    expect(
      (
        await self
          .from('wishlists')
          .insert({ symbol: 'KO', alert_triggered_at: new Date().toISOString() })
      ).error?.code,
    ).toBe('42501')
    // alerts: neither forged nor dismissed by writing the table (dismiss_alert does that)
    expect(
      (
        await self.from('alert_events').insert({
          user_id: attacker.id,
          symbol: 'KO',
          direction: 'below',
          price: 1,
          triggered_at: new Date().toISOString(),
        })
      ).error?.code,
    ).toBe('42501')
    expect(
      (
        await self
          .from('alert_events')
          .update({ dismissed_at: new Date().toISOString() })
          .eq('user_id', attacker.id)
      ).error?.code,
    ).toBe('42501')
    const after = (await world()) as { totals: unknown }
    expect(after.totals).toEqual((before as { totals: unknown }).totals)
  })

  it("functions: acting on the victim through any function fails or returns only the caller's data", async () => {
    const before = await world()
    const cancel = await attacker.client.rpc('cancel_order', { p_order_id: victimOrderId })
    expect(cancel.error?.hint).toBe('order_not_open')
    const exported = await attacker.client.rpc('export_my_data')
    expect(leaks(exported.data, victim.id)).toBe(false)
    const board = await attacker.client.rpc('get_leaderboard', {})
    expect(leaks(board.data, victim.id)).toBe(false)
    const mine = await attacker.client.rpc('get_my_leaderboard_entry')
    expect(leaks(mine.data, victim.id)).toBe(false)
    // the victim's alert, by its id: not the attacker's, so nothing happens
    expect((await attacker.client.rpc('dismiss_alert', { p_id: victimAlertId })).error).toBeNull()
    for (const client of [attacker.client, t.anon]) {
      expect((await client.rpc('market_tick', {})).error?.code).toBe('42501')
      expect(
        (await client.rpc('set_stock_price', { p_symbol: 'AAPL', p_price: 1 })).error?.code,
      ).toBe('42501')
    }
    for (const name of [
      'cancel_order',
      'reset_portfolio',
      'export_my_data',
      'delete_my_account',
      'get_leaderboard',
      'get_my_leaderboard_entry',
      'dismiss_alert',
      'get_hourly_candles',
    ] as const) {
      const args =
        name === 'cancel_order'
          ? { p_order_id: victimOrderId }
          : name === 'dismiss_alert'
            ? { p_id: victimAlertId }
            : name === 'get_hourly_candles'
              ? { p_symbol: 'AAPL', p_since: new Date(0).toISOString() }
              : {}
      const { error, status } = await t.anon.rpc(name, args as never)
      expect({ name, status, code: error?.code }).toEqual({ name, status: 401, code: '42501' })
    }
    expect(await world()).toEqual(before)
    // the attacker's own reset and deletion touch only the attacker
    await attacker.client.rpc('reset_portfolio')
    await attacker.client.rpc('delete_my_account')
    expect(((await world()) as { victim: unknown }).victim).toEqual(
      (before as { victim: unknown }).victim,
    )
  })
})
