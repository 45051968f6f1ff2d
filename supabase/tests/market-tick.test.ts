import type { PGlite, Transaction } from '@electric-sql/pglite'
import { asUser, createUser, pinPrice, rolledBack, tick } from './engine.ts'
import { openTestDb } from './pglite-db.ts'

let db: PGlite

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(async () => {
  await db.close()
})

const T0 = new Date('2030-03-04T10:00:00Z')
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)

async function prices(tx: Transaction): Promise<Record<string, string>> {
  const { rows } = await tx.query<{ symbol: string; price: string }>(
    'select symbol, price from public.stocks',
  )
  return Object.fromEntries(rows.map((row) => [row.symbol, row.price]))
}

async function seededWalk(seed: number): Promise<Record<string, string>> {
  let result: Record<string, string> = {}
  await rolledBack(db, async (tx) => {
    await tx.query(
      'update public.market_state set seed = $1, tick_count = 0, speed = 3600, last_tick_at = $2, trading_day = $3',
      [seed, T0.toISOString(), '2030-03-04'],
    )
    for (let i = 1; i <= 5; i++) await tick(tx, at(i))
    result = await prices(tx)
  })
  return result
}

describe('market_tick', () => {
  it('is deterministic for a given seed and clock, and the seed matters', async () => {
    const first = await seededWalk(42)
    const again = await seededWalk(42)
    const other = await seededWalk(43)
    expect(again).toEqual(first)
    expect(other).not.toEqual(first)
    expect(Object.keys(first).length).toBeGreaterThanOrEqual(50)
  })

  it('moves prices only as simulated time passes (speed 0 freezes them)', async () => {
    await rolledBack(db, async (tx) => {
      await tx.query('update public.market_state set speed = 0')
      const before = await prices(tx)
      await tick(tx, at(1))
      await tick(tx, at(2))
      expect(await prices(tx)).toEqual(before)
      await tx.query('update public.market_state set speed = 86400')
      await tick(tx, at(3))
      const after = await prices(tx)
      const moved = Object.keys(before).filter((symbol) => after[symbol] !== before[symbol])
      expect(moved.length).toBeGreaterThan(Object.keys(before).length * 0.9)
    })
  })

  it('trades volume in real time, whatever the simulated speed; a frozen market trades none', async () => {
    // one tick a real minute after the last: average_volume * 60 / 86400, times 0.5 to 1.5
    const traded = async (speed: number) => {
      let volumes: { added: number; average: number }[] = []
      await rolledBack(db, async (tx) => {
        await tx.query(
          'update public.market_state set speed = $1, last_tick_at = $2, trading_day = $3',
          [speed, T0.toISOString(), '2030-03-04'],
        )
        await tx.query('update public.stocks set volume = 0')
        await tick(tx, at(60))
        const { rows } = await tx.query<{ volume: number; average_volume: number }>(
          'select volume, average_volume from public.stocks',
        )
        volumes = rows.map((row) => ({
          added: Number(row.volume),
          average: Number(row.average_volume),
        }))
      })
      return volumes
    }
    for (const speed of [1, 5.35, 3600]) {
      for (const { added, average } of await traded(speed)) {
        const minute = (average * 60) / 86_400
        expect(added).toBeGreaterThanOrEqual(Math.floor(minute * 0.5))
        expect(added).toBeLessThanOrEqual(Math.ceil(minute * 1.5))
      }
    }
    expect((await traded(0)).every(({ added }) => added === 0)).toBe(true)
  })

  it('keeps day stats and the current 1-minute candle', async () => {
    await rolledBack(db, async (tx) => {
      await tx.query(
        'update public.market_state set speed = 0, last_tick_at = $1, trading_day = $2',
        [T0.toISOString(), '2030-03-04'],
      )
      await tx.query(
        'update public.stocks set day_high = 100, day_low = 100, volume = 0 where symbol = $1',
        ['AAPL'],
      )
      await tx.query(`select public.set_stock_price('AAPL', 100)`)
      await tick(tx, at(1))
      await tx.query(`select public.set_stock_price('AAPL', 104)`)
      await tick(tx, at(2))
      await tx.query(`select public.set_stock_price('AAPL', 97)`)
      await tick(tx, at(3))
      await tx.query(`select public.set_stock_price('AAPL', 99)`)
      await tick(tx, at(4))
      const { rows } = await tx.query<Record<string, string>>(
        `select open, high, low, close, volume from public.price_candles
         where symbol = 'AAPL' and "interval" = '1m' and bucket = $1`,
        [T0.toISOString()],
      )
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({
        open: '100.0000',
        high: '104.0000',
        low: '97.0000',
        close: '99.0000',
      })
      const stock = await tx.query<Record<string, string>>(
        `select price, day_high, day_low, updated_at from public.stocks where symbol = 'AAPL'`,
      )
      expect(stock.rows[0]).toMatchObject({
        price: '99.0000',
        day_high: '104.0000',
        day_low: '97.0000',
      })
      expect(new Date(stock.rows[0].updated_at).toISOString()).toBe(at(4).toISOString())
    })
  })

  it('publishes exactly one broadcast per tick with every quote', async () => {
    await rolledBack(db, async (tx) => {
      const before = await tx.query<{ n: number }>(
        'select count(*)::int as n from realtime.messages',
      )
      await tick(tx, at(1))
      const { rows } = await tx.query<{
        topic: string
        event: string
        private: boolean
        payload: { ts: string; quotes: Record<string, unknown>[] }
      }>('select topic, event, private, payload from realtime.messages order by id desc limit 1')
      const after = await tx.query<{ n: number }>(
        'select count(*)::int as n from realtime.messages',
      )
      expect(after.rows[0].n - before.rows[0].n).toBe(1)
      expect(rows[0]).toMatchObject({ topic: 'market', event: 'tick', private: false })
      const stocks = await tx.query<{ n: number }>('select count(*)::int as n from public.stocks')
      expect(rows[0].payload.quotes).toHaveLength(stocks.rows[0].n)
      expect(Object.keys(rows[0].payload.quotes[0]).sort()).toEqual(
        ['day_high', 'day_low', 'previous_close', 'price', 'symbol', 'volume'].sort(),
      )
      expect(new Date(rows[0].payload.ts).toISOString()).toBe(at(1).toISOString())
    })
  })

  it('fires a watchlist alert once, clears the threshold, and re-arms when the user edits it', async () => {
    await rolledBack(db, async (tx) => {
      const user = await createUser(tx)
      await pinPrice(tx, 'MSFT', 400)
      await asUser(
        tx,
        user,
        `insert into public.wishlists (symbol, alert_above, alert_below) values ('MSFT', 410, 380)`,
      )
      await tick(tx, at(1))
      const quiet = await asUser<Record<string, unknown>>(
        tx,
        user,
        'select * from public.wishlists',
      )
      expect(quiet[0]).toMatchObject({ alert_triggered_at: null })

      await tx.query(`select public.set_stock_price('MSFT', 411)`)
      expect((await tick(tx, at(2))).alerts).toBe(1)
      const fired = await asUser<Record<string, unknown>>(
        tx,
        user,
        'select * from public.wishlists',
      )
      expect(fired[0]).toMatchObject({
        alert_above: null,
        alert_below: '380.0000',
        alert_triggered_price: '411.0000',
        alert_triggered_direction: 'above',
        alert_triggered_threshold: '410.0000',
      })
      expect(fired[0].alert_triggered_at).not.toBeNull()
      expect((await tick(tx, at(3))).alerts).toBe(0)

      await asUser(tx, user, `update public.wishlists set alert_above = 420 where symbol = 'MSFT'`)
      const rearmed = await asUser<Record<string, unknown>>(
        tx,
        user,
        'select * from public.wishlists',
      )
      expect(rearmed[0]).toMatchObject({
        alert_above: '420.0000',
        alert_triggered_at: null,
        alert_triggered_price: null,
        alert_triggered_threshold: null,
      })
    })
  })

  it("keeps every alert that fired while away, and dismisses one of the caller's at a time", async () => {
    await rolledBack(db, async (tx) => {
      const [user, other] = [await createUser(tx), await createUser(tx)]
      await pinPrice(tx, 'MSFT', 400)
      for (const owner of [user, other]) {
        await asUser(
          tx,
          owner,
          `insert into public.wishlists (symbol, alert_above, alert_below) values ('MSFT', 410, 380)`,
        )
      }
      // up through one threshold, then down through the other, with nobody watching
      await tx.query(`select public.set_stock_price('MSFT', 411)`)
      expect((await tick(tx, at(1))).alerts).toBe(2)
      await tx.query(`select public.set_stock_price('MSFT', 379)`)
      expect((await tick(tx, at(2))).alerts).toBe(2)
      const events = (owner: string) =>
        asUser<{
          id: string
          direction: string
          price: string
          threshold: string
          dismissed_at: Date | null
        }>(
          tx,
          owner,
          `select id, direction, price, threshold, dismissed_at from public.alert_events order by triggered_at`,
        )
      const mine = await events(user)
      expect(
        mine.map(({ direction, price, threshold, dismissed_at }) => [
          direction,
          price,
          threshold,
          dismissed_at,
        ]),
      ).toEqual([
        ['above', '411.0000', '410.0000', null],
        ['below', '379.0000', '380.0000', null],
      ])
      const theirs = await events(other)
      expect(theirs).toHaveLength(2)

      await asUser(tx, user, `select public.dismiss_alert($1)`, [mine[0].id])
      const after = await events(user)
      expect(after[0].dismissed_at).not.toBeNull()
      expect(after[1].dismissed_at).toBeNull()
      // someone else's alert, twice, or one that does not exist: nothing changes, no error
      await asUser(tx, user, `select public.dismiss_alert($1)`, [theirs[0].id])
      await asUser(tx, user, `select public.dismiss_alert($1)`, [mine[0].id])
      await asUser(tx, user, `select public.dismiss_alert(-1)`)
      expect(await events(other)).toEqual(theirs)
      expect((await events(user))[0].dismissed_at).toEqual(after[0].dismissed_at)
    })
  })

  it('rolls the trading day at 00:00 UTC: closes the day, expires day orders, keeps gtc', async () => {
    await rolledBack(db, async (tx) => {
      const user = await createUser(tx)
      await tx.query(
        `update public.market_state set trading_day = '2030-03-04', last_tick_at = $1`,
        [T0.toISOString()],
      )
      await pinPrice(tx, 'NVDA', 100)
      const placed = await asUser<{ id: string; time_in_force: string }>(
        tx,
        user,
        `select o.id, o.time_in_force from (values ('day'), ('gtc')) as t (tif)
         cross join lateral public.place_order('NVDA', 'buy', 10, 'limit', 90, null, t.tif) as o`,
      )
      expect(
        (
          await asUser<{ buying_power: string }>(
            tx,
            user,
            'select buying_power from public.profiles',
          )
        )[0].buying_power,
      ).toBe('98200.0000')
      await tx.query(`update public.orders set created_at = $1`, [T0.toISOString()])
      await tx.query(`update public.stocks set volume = 1234 where symbol = 'NVDA'`)

      const summary = await tick(tx, new Date('2030-03-05T00:00:01Z'))
      expect(summary.expired).toBe(1)
      const orders = await asUser<{ id: string; status: string }>(
        tx,
        user,
        'select id, status from public.orders',
      )
      const statusOf = (tif: string) =>
        orders.find((o) => o.id === placed.find((p) => p.time_in_force === tif)?.id)?.status
      expect(statusOf('day')).toBe('expired')
      expect(statusOf('gtc')).toBe('pending')
      expect(
        (
          await asUser<{ buying_power: string }>(
            tx,
            user,
            'select buying_power from public.profiles',
          )
        )[0].buying_power,
      ).toBe('99100.0000')

      const stock = await tx.query<Record<string, unknown>>(
        `select previous_close, day_open, day_high, day_low, volume from public.stocks where symbol = 'NVDA'`,
      )
      expect(stock.rows[0]).toMatchObject({
        previous_close: '100.0000',
        day_open: '100.0000',
        day_high: '100.0000',
        day_low: '100.0000',
      })
      const daily = await tx.query<Record<string, unknown>>(
        `select close, volume from public.price_candles where symbol = 'NVDA' and "interval" = '1d' and bucket = '2030-03-04T00:00:00Z'`,
      )
      expect(daily.rows[0]).toMatchObject({ close: '100.0000', volume: 1234 })
      expect((await tick(tx, new Date('2030-03-05T00:00:02Z'))).expired).toBe(0)
    })
  })

  it('opens a new day at a gap from the close, seeded, and fills the stops the gap crosses', async () => {
    const ROLL = new Date('2030-03-05T00:00:01Z')
    const startDay = (tx: Transaction) =>
      tx.query(
        `update public.market_state set seed = 7, speed = 5.35, trading_day = '2030-03-04', last_tick_at = $1`,
        [new Date('2030-03-04T23:59:59Z').toISOString()],
      )
    interface Day {
      symbol: string
      volatility: string
      price: string
      previous_close: string
      day_open: string
      day_high: string
      day_low: string
    }
    const days = (tx: Transaction) =>
      tx
        .query<Day>(
          'select symbol, volatility, price, previous_close, day_open, day_high, day_low from public.stocks order by symbol',
        )
        .then((result) => result.rows)

    let opened: Day[] = []
    await rolledBack(db, async (tx) => {
      await startDay(tx)
      const closes = await prices(tx)
      await tick(tx, ROLL)
      opened = await days(tx)
      for (const day of opened) {
        expect(day.previous_close, day.symbol).toBe(closes[day.symbol])
        expect(Number(day.day_low)).toBeLessThanOrEqual(
          Math.min(Number(day.day_open), Number(day.price)),
        )
        expect(Number(day.day_high)).toBeGreaterThanOrEqual(
          Math.max(Number(day.day_open), Number(day.price)),
        )
      }
      // the gap in units of its standard deviation, volatility * sqrt(1 / 365.25) / 2
      const z = opened.map(
        (day) =>
          Math.log(Number(day.day_open) / Number(day.previous_close)) /
          ((Number(day.volatility) * Math.sqrt(1 / 365.25)) / 2),
      )
      const spread = Math.sqrt(z.reduce((sum, value) => sum + value * value, 0) / z.length)
      expect(opened.filter((day) => day.day_open !== day.previous_close).length).toBeGreaterThan(
        opened.length * 0.9,
      )
      expect(spread).toBeGreaterThan(0.5)
      expect(spread).toBeLessThan(1.6)
      const closed = await tx.query<{ close: string }>(
        `select close from public.price_candles where symbol = $1 and "interval" = '1d' and bucket = '2030-03-04T00:00:00Z'`,
        [opened[0].symbol],
      )
      expect(closed.rows[0].close).toBe(opened[0].previous_close)
    })

    // the stock that gaps down the most, with a stop-loss between its close and its open
    const down = opened.reduce((worst, day) =>
      Number(day.day_open) / Number(day.previous_close) <
      Number(worst.day_open) / Number(worst.previous_close)
        ? day
        : worst,
    )
    const stop = ((Number(down.previous_close) + Number(down.day_open)) / 2).toFixed(2)
    expect(Number(stop)).toBeLessThan(Number(down.previous_close))
    await rolledBack(db, async (tx) => {
      await startDay(tx)
      const user = await createUser(tx)
      await asUser(tx, user, `select public.place_order($1, 'buy', 10)`, [down.symbol])
      const [order] = await asUser<{ id: string }>(
        tx,
        user,
        `select id from public.place_order($1, 'sell', 10, 'stop', null, $2)`,
        [down.symbol, stop],
      )
      expect((await tick(tx, ROLL)).filled).toBe(1)
      const again = (await days(tx)).find((day) => day.symbol === down.symbol)
      // the same seed and clock open the day at the same price
      expect(again?.day_open).toBe(down.day_open)
      const [filled] = await asUser<{ status: string; filled_price: string }>(
        tx,
        user,
        'select status, filled_price from public.orders where id = $1',
        [order.id],
      )
      // a stop fills at the price the market gapped to, below the stop itself
      expect(filled.status).toBe('filled')
      expect(filled.filled_price).toBe(again?.price)
      expect(Number(filled.filled_price)).toBeLessThan(Number(stop))
    })
  })

  it('opens where it closed when the market is frozen (speed 0)', async () => {
    await rolledBack(db, async (tx) => {
      await tx.query(
        `update public.market_state set seed = 7, speed = 0, trading_day = '2030-03-04', last_tick_at = $1`,
        [T0.toISOString()],
      )
      const closes = await prices(tx)
      await tick(tx, new Date('2030-03-05T00:00:01Z'))
      const { rows } = await tx.query<{ symbol: string; day_open: string; previous_close: string }>(
        'select symbol, day_open, previous_close from public.stocks',
      )
      for (const row of rows) {
        expect(row.previous_close, row.symbol).toBe(closes[row.symbol])
        expect(row.day_open, row.symbol).toBe(closes[row.symbol])
      }
    })
  })

  it('expires a day order of an earlier day that the roll did not see (committed after it)', async () => {
    await rolledBack(db, async (tx) => {
      const user = await createUser(tx)
      await tx.query(
        `update public.market_state set trading_day = '2030-03-05', last_tick_at = $1`,
        [new Date('2030-03-05T00:00:01Z').toISOString()],
      )
      await pinPrice(tx, 'NVDA', 100)
      const [order] = await asUser<{ id: string }>(
        tx,
        user,
        `select id from public.place_order('NVDA', 'buy', 10, 'limit', 90, null, 'day')`,
      )
      // what a transaction that began before midnight and committed after the roll leaves
      await tx.query(`update public.orders set created_at = '2030-03-04T23:59:59Z' where id = $1`, [
        order.id,
      ])

      expect((await tick(tx, new Date('2030-03-05T00:00:02Z'))).expired).toBe(1)
      const [row] = await asUser<{ status: string; buying_power: string }>(
        tx,
        user,
        `select o.status, p.buying_power from public.orders o, public.profiles p`,
      )
      expect(row).toEqual({ status: 'expired', buying_power: '100000.0000' })
      expect((await tick(tx, new Date('2030-03-05T00:00:03Z'))).expired).toBe(0)
    })
  })

  it('rolls 1-minute candles older than 7 days into daily candles and deletes them', async () => {
    await rolledBack(db, async (tx) => {
      await tx.query(`update public.market_state set trading_day = '2030-03-04'`)
      await tx.query(`delete from public.price_candles where symbol = 'KO'`)
      await tx.query(
        `insert into public.price_candles (symbol, "interval", bucket, open, high, low, close, volume) values
           ('KO', '1m', '2030-02-20T10:00:00Z', 60, 62, 59, 61, 10),
           ('KO', '1m', '2030-02-20T10:01:00Z', 61, 63, 60, 62.5, 5),
           ('KO', '1m', '2030-03-01T10:00:00Z', 64, 64, 64, 64, 1)`,
      )
      await tick(tx, new Date('2030-03-05T00:00:01Z'))
      const { rows } = await tx.query<Record<string, unknown>>(
        `select "interval", bucket, open, high, low, close, volume from public.price_candles
         where symbol = 'KO' and bucket < '2030-03-04' order by "interval", bucket`,
      )
      expect(rows.map((r) => [r.interval, (r.bucket as Date).toISOString()])).toEqual([
        ['1d', '2030-02-20T00:00:00.000Z'],
        ['1m', '2030-03-01T10:00:00.000Z'],
      ])
      expect(rows[0]).toMatchObject({
        open: '60.0000',
        high: '63.0000',
        low: '59.0000',
        close: '62.5000',
        volume: 15,
      })
    })
  })

  it('finds triggered orders through the resting-order index, not by scanning resting orders', async () => {
    await rolledBack(db, async (tx) => {
      const user = await createUser(tx)
      await tx.query(`update public.profiles set cash = 1e12 where id = $1`, [user])
      await tx.query(
        `insert into public.orders (user_id, symbol, side, type, quantity, limit_price, trigger_price, trigger_above, held_cash)
         select $1, s.symbol, 'buy', 'limit', 1, round(s.price * (0.5 + random()::numeric * 0.4), 2),
                round(s.price * (0.5 + random()::numeric * 0.4), 2), false, 0
         from public.stocks s cross join generate_series(1, 200)`,
        [user],
      )
      await tx.query('analyze public.orders')
      // what market_tick itself reads: index scans, never the whole table of resting orders
      const scans = async () =>
        (
          await tx.query<{ seq_scan: number; idx_scan: number }>(
            `select seq_scan::int, idx_scan::int from pg_catalog.pg_stat_xact_user_tables
             where relid = 'public.orders'::regclass`,
          )
        ).rows[0]
      const before = await scans()
      expect((await tick(tx, at(1))).filled).toBe(0)
      const after = await scans()
      expect(after.seq_scan).toBe(before.seq_scan)
      expect(after.idx_scan).toBeGreaterThan(before.idx_scan)
    })
  })

  it("finds crossed watchlist alerts through the thresholds' indexes, not by scanning watchlists", async () => {
    await rolledBack(db, async (tx) => {
      for (let i = 0; i < 40; i++) {
        const user = await createUser(tx)
        await tx.query(
          `insert into public.wishlists (user_id, symbol, alert_above, alert_below)
           select $1, s.symbol, round(s.price * 1.5, 2), round(s.price * 0.5, 2) from public.stocks s`,
          [user],
        )
      }
      await tx.query('analyze public.wishlists')
      // what market_tick itself reads: the thresholds' indexes, never the whole table
      const scans = async () =>
        (
          await tx.query<{ seq_scan: number; idx_scan: number }>(
            `select seq_scan::int, idx_scan::int from pg_catalog.pg_stat_xact_user_tables
             where relid = 'public.wishlists'::regclass`,
          )
        ).rows[0]
      const before = await scans()
      expect((await tick(tx, at(1))).alerts).toBe(0)
      const after = await scans()
      expect(after.seq_scan).toBe(before.seq_scan)
      expect(after.idx_scan).toBeGreaterThan(before.idx_scan)
    })
  })

  it('is callable by service_role only, like set_stock_price', async () => {
    const { rows } = await db.query<Record<string, boolean>>(
      `select
         has_function_privilege('anon', 'public.market_tick(timestamptz)', 'execute') as anon_tick,
         has_function_privilege('authenticated', 'public.market_tick(timestamptz)', 'execute') as user_tick,
         has_function_privilege('service_role', 'public.market_tick(timestamptz)', 'execute') as service_tick,
         has_function_privilege('authenticated', 'public.set_stock_price(text, numeric)', 'execute') as user_set,
         has_function_privilege('service_role', 'public.set_stock_price(text, numeric)', 'execute') as service_set`,
    )
    expect(rows[0]).toEqual({
      anon_tick: false,
      user_tick: false,
      service_tick: true,
      user_set: false,
      service_set: true,
    })
  })
})
