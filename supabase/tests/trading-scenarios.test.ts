import {
  openTradingStack,
  orderOf,
  place,
  positionOf,
  profileOf,
  type TradingStack,
} from './stack-helpers.ts'

// One test per trading scenario, through supabase-js as real signed-in users against the
// local stack. Simulated time is frozen; each test pins the prices it needs and ticks.

let t: TradingStack

beforeAll(async () => {
  t = await openTradingStack()
})
afterAll(async () => {
  await t?.stop()
})

describe('trading scenarios', () => {
  it('buys at market: cash down by quantity x price, position at that cost, one ledger row', async () => {
    const { client } = await t.signUp()
    await t.setPrice('AAPL', 200)
    const order = await place(client, { p_symbol: 'AAPL', p_side: 'buy', p_quantity: 2.5 })
    expect(order).toMatchObject({
      status: 'filled',
      filled_price: 200,
      quantity: 2.5,
      type: 'market',
      run: 1,
    })
    expect(await profileOf(client)).toMatchObject({ cash: 99500, buying_power: 99500 })
    expect(await positionOf(client, 'AAPL')).toMatchObject({
      quantity: 2.5,
      average_cost: 200,
      realized_pnl: 0,
    })
    const { data: ledger } = await client.from('transactions').select('*')
    expect(ledger).toEqual([
      expect.objectContaining({
        order_id: order.id,
        side: 'buy',
        quantity: 2.5,
        price: 200,
        amount: 500,
        fee: 0,
        cash_after: 99500,
      }),
    ])
  })

  it('sells a whole position at market and books the realized P&L', async () => {
    const { client } = await t.signUp()
    await t.setPrice('MSFT', 400)
    await place(client, { p_symbol: 'MSFT', p_side: 'buy', p_quantity: 3 })
    await t.setPrice('MSFT', 410.5)
    const sell = await place(client, { p_symbol: 'MSFT', p_side: 'sell', p_quantity: 3 })
    expect(sell).toMatchObject({ status: 'filled', filled_price: 410.5 })
    expect(await profileOf(client)).toMatchObject({ cash: 100031.5 })
    expect(await positionOf(client, 'MSFT')).toMatchObject({ quantity: 0, realized_pnl: 31.5 })
    const { data } = await client
      .from('transactions')
      .select('side, amount, realized_pnl, cash_after')
      .order('created_at')
    expect(data).toEqual([
      { side: 'buy', amount: 1200, realized_pnl: null, cash_after: 98800 },
      { side: 'sell', amount: 1231.5, realized_pnl: 31.5, cash_after: 100031.5 },
    ])
  })

  it('averages the cost of several buys and keeps it through partial sells', async () => {
    const { client } = await t.signUp()
    await t.setPrice('KO', 100)
    await place(client, { p_symbol: 'KO', p_side: 'buy', p_quantity: 10 })
    await t.setPrice('KO', 120)
    await place(client, { p_symbol: 'KO', p_side: 'buy', p_quantity: 10 })
    expect(await positionOf(client, 'KO')).toMatchObject({ quantity: 20, average_cost: 110 })

    await t.setPrice('KO', 130)
    await place(client, { p_symbol: 'KO', p_side: 'sell', p_quantity: 5 })
    expect(await positionOf(client, 'KO')).toMatchObject({
      quantity: 15,
      average_cost: 110,
      realized_pnl: 100,
    })

    await t.setPrice('KO', 90)
    await place(client, { p_symbol: 'KO', p_side: 'sell', p_quantity: 15 })
    expect(await positionOf(client, 'KO')).toMatchObject({ quantity: 0, realized_pnl: -200 })
    expect(await profileOf(client)).toMatchObject({ cash: 100000 - 1000 - 1200 + 650 + 1350 })
  })

  it('books exactly proceeds minus cost when the average cost does not round (market and resting fills)', async () => {
    const { client } = await t.signUp()
    // 10 at $200 and 5 at $210: an average of $203.3333..., shown rounded
    await t.setPrice('UNH', 200)
    await place(client, { p_symbol: 'UNH', p_side: 'buy', p_quantity: 10 })
    await t.setPrice('UNH', 210)
    await place(client, { p_symbol: 'UNH', p_side: 'buy', p_quantity: 5 })
    expect(await positionOf(client, 'UNH')).toMatchObject({
      quantity: 15,
      average_cost: 203.3333,
      cost_basis: 3050,
    })
    // a third now, at market: its share of the cost, $1,016.6667
    await place(client, { p_symbol: 'UNH', p_side: 'sell', p_quantity: 5 })
    expect(await positionOf(client, 'UNH')).toMatchObject({
      quantity: 10,
      cost_basis: 2033.3333,
      realized_pnl: 33.3333,
    })
    // the rest through a resting limit that a tick fills at $206: it takes the remaining cost,
    // so the position's P&L is exactly 1,050 + 2,060 - 3,050 (on the rounded average, 60.0005)
    await place(client, {
      p_symbol: 'UNH',
      p_side: 'sell',
      p_quantity: 10,
      p_type: 'limit',
      p_limit_price: 205,
    })
    await t.setPrice('UNH', 206)
    await t.tick()
    expect(await positionOf(client, 'UNH')).toMatchObject({
      quantity: 0,
      cost_basis: 0,
      realized_pnl: 60,
    })

    // the audit's case: 3,000 at $10.0001 and 6,000 at $10.0002, all sold at $10.0002 is +$0.30
    await t.setPrice('KO', 10.0001)
    await place(client, { p_symbol: 'KO', p_side: 'buy', p_quantity: 3000 })
    await t.setPrice('KO', 10.0002)
    await place(client, { p_symbol: 'KO', p_side: 'buy', p_quantity: 6000 })
    await place(client, { p_symbol: 'KO', p_side: 'sell', p_quantity: 9000 })
    expect(await positionOf(client, 'KO')).toMatchObject({ quantity: 0, realized_pnl: 0.3 })
  })

  it('buys by dollar amount: whole millionths of a share, never more than the amount', async () => {
    const { client } = await t.signUp()
    await t.setPrice('TSLA', 300)
    const order = await place(client, { p_symbol: 'TSLA', p_side: 'buy', p_notional: 1000 })
    expect(order).toMatchObject({
      status: 'filled',
      quantity: 3.333333,
      notional: 1000,
      filled_price: 300,
    })
    expect(await profileOf(client)).toMatchObject({ cash: 100000 - 999.9999 })
  })

  it('retries with the same client_order_id return the first order and trade once', async () => {
    const { client } = await t.signUp()
    await t.setPrice('V', 250)
    const key = crypto.randomUUID()
    const first = await place(client, {
      p_symbol: 'V',
      p_side: 'buy',
      p_quantity: 4,
      p_client_order_id: key,
    })
    const retries = await Promise.all(
      [1, 2, 3].map(() =>
        place(client, { p_symbol: 'V', p_side: 'buy', p_quantity: 4, p_client_order_id: key }),
      ),
    )
    for (const retry of retries) expect(retry.id).toBe(first.id)
    expect(await profileOf(client)).toMatchObject({ cash: 99000 })
    const { count } = await client.from('transactions').select('*', { count: 'exact', head: true })
    expect(count).toBe(1)
  })

  it('rests a buy limit while the price is above it, holds the cash, fills at the better price', async () => {
    const { client } = await t.signUp()
    await t.setPrice('NVDA', 100)
    const order = await place(client, {
      p_symbol: 'NVDA',
      p_side: 'buy',
      p_quantity: 10,
      p_type: 'limit',
      p_limit_price: 95,
    })
    expect(order).toMatchObject({ status: 'pending', held_cash: 950 })
    expect(await profileOf(client)).toMatchObject({
      cash: 100000,
      held_cash: 950,
      buying_power: 99050,
    })

    await t.setPrice('NVDA', 96)
    await t.tick()
    expect(await orderOf(client, order.id)).toMatchObject({ status: 'pending' })

    await t.setPrice('NVDA', 94)
    expect((await t.tick()).filled).toBe(1)
    expect(await orderOf(client, order.id)).toMatchObject({ status: 'filled', filled_price: 94 })
    expect(await profileOf(client)).toMatchObject({
      cash: 99060,
      held_cash: 0,
      buying_power: 99060,
    })
    expect(await positionOf(client, 'NVDA')).toMatchObject({ quantity: 10, average_cost: 94 })
  })

  it('rests a sell limit below the limit, holds the shares, fills once the price reaches it', async () => {
    const { client } = await t.signUp()
    await t.setPrice('AMZN', 200)
    await place(client, { p_symbol: 'AMZN', p_side: 'buy', p_quantity: 5 })
    const order = await place(client, {
      p_symbol: 'AMZN',
      p_side: 'sell',
      p_quantity: 3,
      p_type: 'limit',
      p_limit_price: 210,
    })
    expect(await positionOf(client, 'AMZN')).toMatchObject({ quantity: 5, held_quantity: 3 })
    const { error } = await client.rpc('place_order', {
      p_symbol: 'AMZN',
      p_side: 'sell',
      p_quantity: 3,
    })
    expect(error?.hint).toBe('insufficient_shares')

    await t.setPrice('AMZN', 209.99)
    await t.tick()
    expect(await orderOf(client, order.id)).toMatchObject({ status: 'pending' })
    await t.setPrice('AMZN', 212)
    await t.tick()
    expect(await orderOf(client, order.id)).toMatchObject({ status: 'filled', filled_price: 212 })
    expect(await positionOf(client, 'AMZN')).toMatchObject({
      quantity: 2,
      held_quantity: 0,
      realized_pnl: 36,
    })
  })

  it('triggers a buy stop only when the price reaches the stop, filling at the market', async () => {
    const { client } = await t.signUp()
    await t.setPrice('META', 500)
    const order = await place(client, {
      p_symbol: 'META',
      p_side: 'buy',
      p_quantity: 2,
      p_type: 'stop',
      p_stop_price: 520,
    })
    // a stop fills at whatever the market is: it holds 5% above the stop
    expect(order).toMatchObject({ status: 'pending', held_cash: 1092 })
    await t.setPrice('META', 519)
    await t.tick()
    expect(await orderOf(client, order.id)).toMatchObject({ status: 'pending', triggered_at: null })
    await t.setPrice('META', 523)
    await t.tick()
    expect(await orderOf(client, order.id)).toMatchObject({ status: 'filled', filled_price: 523 })
    expect(await profileOf(client)).toMatchObject({ cash: 100000 - 1046, held_cash: 0 })
  })

  it('rejects a triggered buy stop whose price gapped beyond its hold and the cash left', async () => {
    const { client } = await t.signUp()
    await t.setPrice('ORCL', 100)
    const stop = await place(client, {
      p_symbol: 'ORCL',
      p_side: 'buy',
      p_quantity: 100,
      p_type: 'stop',
      p_stop_price: 110,
    })
    expect(stop).toMatchObject({ held_cash: 11550 })
    // spend everything else
    await place(client, { p_symbol: 'ORCL', p_side: 'buy', p_notional: 100000 - 11550 })
    await t.setPrice('ORCL', 130)
    expect((await t.tick()).rejected).toBe(1)
    expect(await orderOf(client, stop.id)).toMatchObject({
      status: 'rejected',
      reject_reason: 'insufficient_funds',
    })
    const profile = await profileOf(client)
    expect(profile).toMatchObject({ held_cash: 0 })
    expect(profile.cash).toBeGreaterThanOrEqual(0)
  })

  it('triggers a sell stop (stop-loss) only when the price falls to the stop', async () => {
    const { client } = await t.signUp()
    await t.setPrice('JPM', 200)
    await place(client, { p_symbol: 'JPM', p_side: 'buy', p_quantity: 10 })
    const order = await place(client, {
      p_symbol: 'JPM',
      p_side: 'sell',
      p_quantity: 10,
      p_type: 'stop',
      p_stop_price: 190,
    })
    await t.setPrice('JPM', 191)
    await t.tick()
    expect(await orderOf(client, order.id)).toMatchObject({ status: 'pending' })
    await t.setPrice('JPM', 187.5)
    await t.tick()
    expect(await orderOf(client, order.id)).toMatchObject({ status: 'filled', filled_price: 187.5 })
    expect(await positionOf(client, 'JPM')).toMatchObject({ quantity: 0, realized_pnl: -125 })
  })

  it('turns a triggered buy stop-limit into a limit that fills only at or below its limit', async () => {
    const { client } = await t.signUp()
    await t.setPrice('AMD', 100)
    const order = await place(client, {
      p_symbol: 'AMD',
      p_side: 'buy',
      p_quantity: 10,
      p_type: 'stop_limit',
      p_stop_price: 105,
      p_limit_price: 107,
    })
    expect(order).toMatchObject({ status: 'pending', held_cash: 1070 })
    await t.setPrice('AMD', 104)
    await t.tick()
    expect(await orderOf(client, order.id)).toMatchObject({ status: 'pending', triggered_at: null })
    await t.setPrice('AMD', 108)
    await t.tick()
    const triggered = await orderOf(client, order.id)
    expect(triggered.status).toBe('pending')
    expect(triggered.triggered_at).not.toBeNull()
    await t.setPrice('AMD', 106)
    await t.tick()
    expect(await orderOf(client, order.id)).toMatchObject({ status: 'filled', filled_price: 106 })
    expect(await profileOf(client)).toMatchObject({ cash: 98940, held_cash: 0 })
  })

  it('fills a sell stop-limit on the tick that triggers it when the limit is also met', async () => {
    const { client } = await t.signUp()
    await t.setPrice('DIS', 100)
    await place(client, { p_symbol: 'DIS', p_side: 'buy', p_quantity: 4 })
    const order = await place(client, {
      p_symbol: 'DIS',
      p_side: 'sell',
      p_quantity: 4,
      p_type: 'stop_limit',
      p_stop_price: 95,
      p_limit_price: 93,
    })
    await t.setPrice('DIS', 92)
    await t.tick()
    expect(await orderOf(client, order.id)).toMatchObject({ status: 'pending' })
    await t.setPrice('DIS', 94)
    await t.tick()
    expect(await orderOf(client, order.id)).toMatchObject({ status: 'filled', filled_price: 94 })
    await t.setPrice('BA', 150)
    await place(client, { p_symbol: 'BA', p_side: 'buy', p_quantity: 1 })
    const same = await place(client, {
      p_symbol: 'BA',
      p_side: 'sell',
      p_quantity: 1,
      p_type: 'stop_limit',
      p_stop_price: 145,
      p_limit_price: 140,
    })
    await t.setPrice('BA', 144)
    await t.tick()
    expect(await orderOf(client, same.id)).toMatchObject({ status: 'filled', filled_price: 144 })
  })

  it('cancels a resting order, releasing its hold; a second cancel is order_not_open', async () => {
    const { client } = await t.signUp()
    await t.setPrice('PFE', 30)
    const order = await place(client, {
      p_symbol: 'PFE',
      p_side: 'buy',
      p_quantity: 100,
      p_type: 'limit',
      p_limit_price: 25,
    })
    expect(await profileOf(client)).toMatchObject({ buying_power: 97500 })
    const { data, error } = await client.rpc('cancel_order', { p_order_id: order.id })
    expect(error).toBeNull()
    expect(data).toMatchObject({ id: order.id, status: 'cancelled' })
    expect(await profileOf(client)).toMatchObject({ buying_power: 100000, held_cash: 0 })
    await t.setPrice('PFE', 20)
    await t.tick()
    expect(await orderOf(client, order.id)).toMatchObject({ status: 'cancelled' })
    const again = await client.rpc('cancel_order', { p_order_id: order.id })
    expect(again.error).toMatchObject({ code: 'P0001', hint: 'order_not_open' })
  })

  it('resets the portfolio: starting cash, new run, old orders and fills kept as the previous run', async () => {
    const { client } = await t.signUp()
    await t.setPrice('WMT', 80)
    await place(client, { p_symbol: 'WMT', p_side: 'buy', p_quantity: 50 })
    const resting = await place(client, {
      p_symbol: 'WMT',
      p_side: 'buy',
      p_quantity: 10,
      p_type: 'limit',
      p_limit_price: 70,
    })
    const { data, error } = await client.rpc('reset_portfolio')
    expect(error).toBeNull()
    expect(data).toMatchObject({ cash: 100000, held_cash: 0, buying_power: 100000, current_run: 2 })
    expect(await positionOf(client, 'WMT')).toBeNull()
    expect(await orderOf(client, resting.id)).toMatchObject({ status: 'cancelled', run: 1 })
    const { data: ledger } = await client.from('transactions').select('run, symbol')
    expect(ledger).toEqual([{ run: 1, symbol: 'WMT' }])
    const next = await place(client, { p_symbol: 'WMT', p_side: 'buy', p_quantity: 1 })
    expect(next.run).toBe(2)
  })

  it('expires day orders at the next UTC day roll, releasing their hold; gtc orders stay', async () => {
    const { client } = await t.signUp()
    await t.setPrice('GS', 500)
    await place(client, { p_symbol: 'GS', p_side: 'buy', p_quantity: 4 })
    const day = await place(client, {
      p_symbol: 'GS',
      p_side: 'buy',
      p_quantity: 1,
      p_type: 'limit',
      p_limit_price: 400,
      p_time_in_force: 'day',
    })
    const daySell = await place(client, {
      p_symbol: 'GS',
      p_side: 'sell',
      p_quantity: 2,
      p_type: 'limit',
      p_limit_price: 600,
      p_time_in_force: 'day',
    })
    const gtc = await place(client, {
      p_symbol: 'GS',
      p_side: 'buy',
      p_quantity: 1,
      p_type: 'limit',
      p_limit_price: 450,
    })
    const tomorrow = new Date()
    tomorrow.setUTCHours(24, 0, 1, 0)
    expect((await t.tick(tomorrow)).expired).toBeGreaterThanOrEqual(2)
    expect(await orderOf(client, day.id)).toMatchObject({ status: 'expired' })
    expect(await orderOf(client, daySell.id)).toMatchObject({ status: 'expired' })
    expect(await orderOf(client, gtc.id)).toMatchObject({ status: 'pending' })
    expect(await profileOf(client)).toMatchObject({ held_cash: 450 })
    expect(await positionOf(client, 'GS')).toMatchObject({ quantity: 4, held_quantity: 0 })
  })

  it('keeps a watchlist: add, set an alert by update or upsert, remove', async () => {
    const { client, id } = await t.signUp()
    expect((await client.from('wishlists').insert({ symbol: 'NFLX' })).error).toBeNull()
    const updated = await client
      .from('wishlists')
      .update({ alert_above: 900 })
      .eq('symbol', 'NFLX')
      .select('symbol, alert_above, alert_below')
    expect(updated.data).toEqual([{ symbol: 'NFLX', alert_above: 900, alert_below: null }])
    const upserted = await client
      .from('wishlists')
      .upsert({ user_id: id, symbol: 'NFLX', alert_below: 700 })
      .select('symbol, alert_above, alert_below')
    expect(upserted.error).toBeNull()
    expect(upserted.data).toEqual([{ symbol: 'NFLX', alert_above: 900, alert_below: 700 }])
    // NaN passes `> 0` (it compares above every number) and would fire a 'below' alert
    for (const threshold of [
      { alert_above: 'NaN' },
      { alert_below: 'NaN' },
      { alert_above: 2e9 },
    ]) {
      const refused = await client
        .from('wishlists')
        .update(threshold as never)
        .eq('symbol', 'NFLX')
      expect(refused.error?.code).toBe('23514')
    }
    // thresholds that would both be crossed at once
    const inverted = await client
      .from('wishlists')
      .update({ alert_above: 700 })
      .eq('symbol', 'NFLX')
    expect(inverted.error?.code).toBe('23514')
    // a row stays on its stock: moving it would carry the old stock's alert state along
    const moved = await client.from('wishlists').update({ symbol: 'AAPL' }).eq('symbol', 'NFLX')
    expect({ status: moved.status, code: moved.error?.code }).toEqual({
      status: 403,
      code: '42501',
    })
    expect(
      (await client.from('wishlists').select('symbol, alert_above, alert_below')).data,
    ).toEqual([{ symbol: 'NFLX', alert_above: 900, alert_below: 700 }])
    expect((await client.from('wishlists').delete().eq('symbol', 'NFLX')).error).toBeNull()
    expect((await client.from('wishlists').select('symbol')).data).toEqual([])
  })

  it('creates a profile for every new user: guests get a friendly name and the starting cash', async () => {
    const { client } = await t.signUp({ anonymous: true })
    const profile = await profileOf(client)
    expect(profile.display_name).toMatch(/^Guest [0-9a-f]{4}$/)
    expect(profile).toMatchObject({
      cash: 100000,
      starting_cash: 100000,
      show_on_leaderboard: false,
      current_run: 1,
    })
  })

  it('lists opted-in users on the leaderboard by return, with display names only', async () => {
    const winner = await t.signUp()
    const loser = await t.signUp()
    const hidden = await t.signUp()
    await t.setPrice('UBER', 50)
    for (const user of [winner, loser, hidden]) {
      await place(user.client, { p_symbol: 'UBER', p_side: 'buy', p_quantity: 100 })
    }
    await winner.client
      .from('profiles')
      .update({ show_on_leaderboard: true, display_name: 'Winner' })
      .eq('id', winner.id)
    await loser.client
      .from('profiles')
      .update({ show_on_leaderboard: true, display_name: 'Loser' })
      .eq('id', loser.id)
    await place(loser.client, { p_symbol: 'UBER', p_side: 'sell', p_quantity: 100 })
    await t.setPrice('UBER', 60)
    const { data, error } = await hidden.client.rpc('get_leaderboard', { p_limit: 10 })
    expect(error).toBeNull()
    expect(data).toEqual([
      { rank: 1, display_name: 'Winner', equity: 101000, return_pct: 1 },
      { rank: 2, display_name: 'Loser', equity: 100000, return_pct: 0 },
    ])
  })

  it("tells each trader their own leaderboard row, even below the top N, and nobody else's", async () => {
    const leader = await t.signUp()
    const me = await t.signUp()
    const shy = await t.signUp()
    await t.setPrice('SBUX', 100)
    await place(leader.client, { p_symbol: 'SBUX', p_side: 'buy', p_quantity: 100 })
    await place(me.client, { p_symbol: 'SBUX', p_side: 'buy', p_quantity: 10 })
    // the same display name on both: only the entry says which row is whose
    for (const user of [leader, me]) {
      await user.client
        .from('profiles')
        .update({ show_on_leaderboard: true, display_name: 'Same Name' })
        .eq('id', user.id)
    }
    await t.setPrice('SBUX', 150)

    const board = await me.client.rpc('get_leaderboard', { p_limit: 500 })
    const leaderRow = board.data?.find((row) => row.equity === 105000)
    const mine = await me.client.rpc('get_my_leaderboard_entry')
    expect(mine.error).toBeNull()
    expect(mine.data).toEqual([
      { rank: expect.any(Number), display_name: 'Same Name', equity: 100500, return_pct: 0.5 },
    ])
    expect(mine.data?.[0].rank).toBeGreaterThan(leaderRow!.rank)
    expect(board.data).toContainEqual(mine.data?.[0])

    const top1 = await me.client.rpc('get_leaderboard', { p_limit: 1 })
    expect(top1.data?.map((row) => row.rank)).toEqual([1])
    expect(mine.data?.[0].rank).toBeGreaterThan(1)

    const notListed = await shy.client.rpc('get_my_leaderboard_entry')
    expect(notListed).toMatchObject({ error: null, data: [] })
  })

  it('exports every row of the user as JSON and deletes the account with all of its rows', async () => {
    const { client, id } = await t.signUp()
    await t.setPrice('CSCO', 50)
    await place(client, { p_symbol: 'CSCO', p_side: 'buy', p_quantity: 2 })
    await client.from('wishlists').insert({ symbol: 'CSCO', alert_above: 60 })
    await t.setPrice('CSCO', 61)
    await t.tick()
    const { data } = await client.rpc('export_my_data')
    const exported = data as Record<string, unknown[]> & { profile: { id: string } }
    expect(exported.profile.id).toBe(id)
    expect(exported.orders).toHaveLength(1)
    expect(exported.transactions).toHaveLength(1)
    expect(exported.portfolios).toHaveLength(1)
    expect(exported.wishlists).toHaveLength(1)
    expect(exported.alert_events).toMatchObject([{ symbol: 'CSCO', direction: 'above' }])

    const { error } = await client.rpc('delete_my_account')
    expect(error).toBeNull()
    expect(await t.snapshot(id)).toEqual({
      profile: null,
      portfolios: null,
      orders: null,
      transactions: null,
      wishlists: null,
      alert_events: null,
    })
    const { rows } = await t.stack.db.query('select 1 from auth.users where id = $1', [id])
    expect(rows).toEqual([])
  })
})
