/**
 * market_tick() latency on real PostgreSQL 15: p50/p95 over consecutive one-second ticks for
 * 500 stocks with 10,000 resting orders (goal p95 <= 50 ms), how it grows from 50 to 500 to
 * 5,000 stocks, and, at 500 stocks, that 100,000 resting orders cost what 10,000 do (the
 * resting-order index means a tick pays for what it triggers, not for what rests).
 *
 * Stocks are synthetic (S0001...), resting orders are limit buys 10-50% below and limit sells
 * 10-50% above the price, so they rest through the run; each tick also fills a few orders
 * placed at the current price, as a live market would.
 */
import pg from 'pg'
import { prepareDatabase } from '../local-supabase/db/migrate.ts'
import { openDb } from '../local-supabase/db/open.ts'
import { createDatabase, startPostgresCluster } from '../local-supabase/pg-cluster.ts'
import type { BenchResult } from './run.ts'

const TICKS = Number(process.env.BENCH_TICKS ?? 60)
const USERS = 100
const TRIGGERED_PER_TICK = 5

const CASES = [
  { stocks: 50, resting: 10_000 },
  { stocks: 500, resting: 10_000, goal: 'goal p95 ≤ 50 ms' },
  { stocks: 5_000, resting: 10_000 },
  { stocks: 500, resting: 100_000 },
]

export async function run(): Promise<BenchResult[]> {
  let cluster: Awaited<ReturnType<typeof startPostgresCluster>>
  try {
    cluster = await startPostgresCluster({ database: 'template_stocktrade' })
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    return [
      {
        name: 'market_tick p95',
        value: 0,
        unit: 'ms',
        note: `skipped: PostgreSQL 15 not available (${reason})`,
      },
    ]
  }
  try {
    const results: BenchResult[] = []
    for (const [i, shape] of CASES.entries()) {
      const url = await freshDatabase(cluster.adminUrl, `tick_${i}`)
      const { p50, p95 } = await measure(url, shape.stocks, shape.resting)
      const label = `${shape.stocks} stocks, ${shape.resting.toLocaleString('en-US')} resting orders`
      results.push({ name: `market_tick p50 (${label})`, value: p50, unit: 'ms' })
      results.push({ name: `market_tick p95 (${label})`, value: p95, unit: 'ms', note: shape.goal })
    }
    return results
  } finally {
    await cluster.stop()
  }
}

async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  await createDatabase(adminUrl, name)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const db = await openDb({ databaseUrl: url.toString() })
  try {
    // the schema only: the bench brings its own stocks
    await prepareDatabase(db, { seedFile: 'supabase/seed.sql.none' })
  } finally {
    await db.close()
  }
  return url.toString()
}

async function measure(
  url: string,
  stocks: number,
  resting: number,
): Promise<{ p50: number; p95: number }> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(
      `insert into public.stocks (symbol, name, exchange, sector, price, previous_close, day_open, day_high, day_low, volatility, drift)
       select 'S' || lpad(i::text, 4, '0'), 'Stock ' || i, 'NYSE', 'Bench', p, p, p, p, p, 0.3, 0.05
       from generate_series(1, $1) as i, lateral (select round((20 + (i * 37 % 480))::numeric, 2) as p) as price`,
      [stocks],
    )
    await client.query(
      `insert into auth.users (id, email) select gen_random_uuid(), 'tick-' || i || '@example.test' from generate_series(1, $1) as i`,
      [USERS],
    )
    await client.query('update public.profiles set cash = 1e12')
    await client.query(
      `insert into public.portfolios (user_id, symbol, quantity, held_quantity, average_cost)
       select p.id, s.symbol, 1e6, 1e6, s.price from public.profiles p cross join public.stocks s`,
    )
    await client.query(
      `insert into public.orders (user_id, symbol, side, type, quantity, limit_price, trigger_price, trigger_above, held_cash)
       select u.id, s.symbol, side, 'limit', 1, lp, lp, side = 'sell', case when side = 'buy' then lp else 0 end
       from generate_series(1, $1) as i
       cross join lateral (select symbol, price from public.stocks order by symbol offset (i % $2) limit 1) as s
       cross join lateral (select id from public.profiles order by id offset (i % $3) limit 1) as u
       cross join lateral (select case when i % 2 = 0 then 'buy' else 'sell' end as side) as d
       cross join lateral (select round(s.price * case when side = 'buy' then 0.5 + (i % 40) / 100.0
                                                     else 1.1 + (i % 40) / 100.0 end, 2) as lp) as l`,
      [resting, stocks, USERS],
    )
    await client.query(`update public.profiles p set held_cash = coalesce((select sum(held_cash) from public.orders o
      where o.user_id = p.id and o.status = 'pending'), 0)`)
    await client.query('analyze')
    await client.query('update public.market_state set seed = 7, last_tick_at = now()')

    const start = Date.now()
    const times: number[] = []
    for (let tick = 1; tick <= TICKS; tick++) {
      // a few marketable orders per tick, so each tick also fills something
      await client.query(
        `insert into public.orders (user_id, symbol, side, type, quantity, limit_price, trigger_price, trigger_above, held_cash)
         select (select id from public.profiles order by id limit 1 offset i), s.symbol, 'buy', 'limit', 1,
                s.price * 2, s.price * 2, false, s.price * 2
         from generate_series(0, $1 - 1) as i
         cross join lateral (select symbol, price from public.stocks order by symbol offset i limit 1) as s`,
        [TRIGGERED_PER_TICK],
      )
      await client.query(`update public.profiles p set held_cash = coalesce((select sum(held_cash) from public.orders o
        where o.user_id = p.id and o.status = 'pending'), 0)`)
      const started = performance.now()
      const { rows } = await client.query<{ summary: { filled: number } }>(
        'select public.market_tick($1) as summary',
        [new Date(start + tick * 1000).toISOString()],
      )
      times.push(performance.now() - started)
      if (rows[0].summary.filled < TRIGGERED_PER_TICK)
        throw new Error(`tick ${tick} filled ${rows[0].summary.filled}`)
    }
    times.sort((a, b) => a - b)
    return { p50: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)] }
  } finally {
    await client.end()
  }
}

if (process.argv[1] === import.meta.filename) console.table(await run())
