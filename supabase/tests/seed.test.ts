import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { openTestDb } from './pglite-db.ts'

const SEED = readFileSync(join(import.meta.dirname, '..', 'seed.sql'), 'utf8')

let db: PGlite
/** Minutes from UTC midnight to the seed's minute: how many 1-minute candles it wrote. */
let minutes: number

beforeAll(async () => {
  db = await openTestDb({ seed: false })
  await db.exec(SEED)
  const { rows } = await db.query<{ n: number }>(
    `select floor(extract(epoch from max(updated_at) - date_trunc('day', max(updated_at), 'UTC')) / 60)::integer as n
     from public.stocks`,
  )
  minutes = rows[0].n
})
afterAll(async () => {
  await db.close()
})

async function one<T>(sql: string): Promise<T> {
  return (await db.query<T>(sql)).rows[0]
}

describe('seed', () => {
  it('lists at least 50 real US stocks with a reference price, volatility and volume', async () => {
    const stocks = await one<{ n: number; bad: number }>(
      `select count(*)::int as n,
         count(*) filter (where not (
           exchange in ('NASDAQ', 'NYSE') and length(name) > 3 and sector <> ''
           and previous_close between 5 and 5000 and volatility between 0.1 and 1
           and average_volume >= 100000))::int as bad
       from public.stocks`,
    )
    expect(stocks.n).toBeGreaterThanOrEqual(50)
    expect(stocks.bad).toBe(0)
  })

  it('writes a year of consistent daily candles ending yesterday at the reference price', async () => {
    const daily = await one<{ per_stock: number[]; bad_bars: number; off_anchor: number }>(
      `with d as (
         select c.*, s.previous_close,
           row_number() over (partition by c.symbol order by c.bucket desc) as age
         from public.price_candles c join public.stocks s using (symbol)
         where c."interval" = '1d')
       select array_agg(distinct n) as per_stock, sum(bad)::int as bad_bars, sum(off)::int as off_anchor
       from (select symbol, count(*)::int as n,
               count(*) filter (where low > least(open, close) or high < greatest(open, close) or low <= 0) as bad,
               count(*) filter (where age = 1 and (close <> previous_close
                 or bucket <> (now() at time zone 'utc')::date::timestamp at time zone 'utc' - interval '1 day')) as off
             from d group by symbol) per`,
    )
    expect(daily).toEqual({ per_stock: [365], bad_bars: 0, off_anchor: 0 })
  })

  it("writes today's minutes from UTC midnight, continuous, and the day stats agree with them", async () => {
    const today = await one<Record<string, number>>(
      `with m as (
         select c.*, s.previous_close,
           lag(c.close) over w as prior_close, lag(c.bucket) over w as prior_bucket,
           row_number() over w as i
         from public.price_candles c join public.stocks s using (symbol)
         where c."interval" = '1m'
         window w as (partition by c.symbol order by c.bucket))
       select
         count(distinct symbol)::int as symbols,
         count(*)::int as candles,
         count(*) filter (where i = 1 and bucket <> date_trunc('day', bucket, 'UTC'))::int as bad_starts,
         count(*) filter (where i > 1 and (bucket - prior_bucket <> interval '1 minute' or open <> prior_close))::int as gaps,
         count(*) filter (where low > least(open, close) or high < greatest(open, close))::int as bad_bars
       from m`,
    )
    const stocks = await one<{ n: number }>('select count(*)::int as n from public.stocks')
    expect(today).toEqual({
      symbols: minutes > 0 ? stocks.n : 0,
      candles: stocks.n * minutes,
      bad_starts: 0,
      gaps: 0,
      bad_bars: 0,
    })

    const mismatched = await one<{ n: number }>(
      `select count(*)::int as n
       from public.stocks s
       join (select symbol, (array_agg(open order by bucket))[1] as open,
               (array_agg(close order by bucket desc))[1] as close, sum(volume) as volume
             from public.price_candles where "interval" = '1m' group by symbol) t using (symbol)
       where s.price <> t.close or s.day_open <> t.open or s.volume <> t.volume`,
    )
    expect(mismatched.n).toBe(0)
  })

  it("opens every day at a gap from the previous close, a quarter of the day's variance", async () => {
    // z: a day's opening gap in units of its standard deviation, volatility * sqrt(1 / 365.25) / 2
    const history = await one<{ days: number; gapped: number; spread: number }>(
      `with d as (
         select c.open, s.volatility,
           lag(c.close) over (partition by c.symbol order by c.bucket) as prior_close
         from public.price_candles c join public.stocks s using (symbol)
         where c."interval" = '1d')
       select count(*)::int as days, count(*) filter (where open <> prior_close)::int as gapped,
         stddev_pop(ln(open / prior_close)::double precision
           / (volatility * sqrt(1 / 365.25) / 2)::double precision) as spread
       from d where prior_close is not null`,
    )
    const stocks = await one<{ n: number }>('select count(*)::int as n from public.stocks')
    expect(history.days).toBe(stocks.n * 364)
    expect(history.gapped).toBeGreaterThan(history.days * 0.98)
    expect(history.spread).toBeGreaterThan(0.95)
    expect(history.spread).toBeLessThan(1.05)

    // today opens at its own gap from yesterday's close (the reference price)
    const today = await one<{ gapped: number; spread: number }>(
      `select count(*) filter (where day_open <> previous_close)::int as gapped,
         stddev_pop(ln(day_open / previous_close)::double precision
           / (volatility * sqrt(1 / 365.25) / 2)::double precision) as spread
       from public.stocks`,
    )
    if (minutes === 0) {
      expect(today.gapped).toBe(0)
    } else {
      expect(today.gapped).toBeGreaterThan(stocks.n * 0.9)
      expect(today.spread).toBeGreaterThan(0.6)
      expect(today.spread).toBeLessThan(1.4)
    }
  })

  it('moves a seeded minute as much as a live one, at the market speed, with real-time volume', async (context) => {
    // 64 stocks times a few minutes is enough to tell 1.0 from the 0.43 of minutes moved at
    // real-time speed; in the first minutes after UTC midnight there is nothing to measure.
    if (minutes < 5) context.skip()
    const moves = await one<{ spread: number; volume: number }>(
      `with r as (
         select c.symbol,
           ln(c.close / c.open)::double precision
             / (s.volatility * sqrt(60 * m.speed / 31557600.0))::double precision as z,
           c.volume / (s.average_volume / 1440.0) as v
         from public.price_candles c join public.stocks s using (symbol)
         cross join public.market_state m
         where c."interval" = '1m')
       select stddev_pop(z) as spread, avg(v)::double precision as volume from r`,
    )
    // z is a standard normal step, rounded to 4 decimals of price; v is uniform on [0.5, 1.5)
    expect(moves.spread).toBeGreaterThan(0.8)
    expect(moves.spread).toBeLessThan(1.2)
    expect(moves.volume).toBeGreaterThan(0.85)
    expect(moves.volume).toBeLessThan(1.15)
  })

  it('can run again on a seeded database without touching anything', async () => {
    const fingerprint = () =>
      one<{ candles: string; stocks: string }>(
        `select (select md5(string_agg(c::text, ',' order by symbol, "interval", bucket)) from public.price_candles c) as candles,
                (select md5(string_agg(s::text, ',' order by symbol)) from public.stocks s) as stocks`,
      )
    const before = await fingerprint()
    await db.exec(SEED)
    expect(await fingerprint()).toEqual(before)
  })
})
