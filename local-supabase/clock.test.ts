import { startMarketClock } from './clock.ts'
import { prepareDatabase } from './db/migrate.ts'
import { openDb } from './db/open.ts'
import type { Db } from './db/types.ts'

let db: Db
beforeAll(async () => {
  db = await openDb({ dataDir: null })
  await prepareDatabase(db, { migrationsDir: '/nonexistent', seedFile: '/nonexistent.sql' })
  await db.exec(`create table public.ticks (n serial primary key, who text, claim_role text)`)
})
afterAll(async () => {
  await db.close()
})

const TICK_FN = `create or replace function public.market_tick() returns void
  language sql as $$ insert into public.ticks (who, claim_role) values (current_user, auth.role()) $$`

async function tickCount(): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from public.ticks')
  return rows[0].n
}

/** Counts how many ticks run at once, around the real database. */
function measuringConcurrency(inner: Db) {
  const stats = { inFlight: 0, max: 0 }
  const wrapped: Db = {
    ...inner,
    asRole: async (ctx, fn, options) => {
      stats.inFlight += 1
      stats.max = Math.max(stats.max, stats.inFlight)
      try {
        return await inner.asRole(ctx, fn, options)
      } finally {
        stats.inFlight -= 1
      }
    },
  }
  return { wrapped, stats }
}

describe('market clock', () => {
  it('says once that market_tick is missing, then ticks as service_role once it exists', async () => {
    await db.exec('drop function if exists public.market_tick()')
    const lines: string[] = []
    const clock = startMarketClock(db, { tickMs: 10, log: (line) => lines.push(line) })
    try {
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(lines).toEqual([expect.stringContaining('market_tick() does not exist yet')])
      await db.exec(TICK_FN)
      await expect.poll(tickCount, { timeout: 3000 }).toBeGreaterThanOrEqual(3)
    } finally {
      await clock.stop()
    }
    const { rows } = await db.query('select distinct who, claim_role from public.ticks')
    expect(rows).toEqual([{ who: 'service_role', claim_role: 'service_role' }])
  })

  it('never overlaps ticks, even when one takes longer than the period', async () => {
    await db.exec(`create or replace function public.market_tick() returns void
      language plpgsql as $$ begin perform pg_sleep(0.04); insert into public.ticks (who) values ('slow'); end $$`)
    const { wrapped, stats } = measuringConcurrency(db)
    const clock = startMarketClock(wrapped, { tickMs: 1 })
    await new Promise((resolve) => setTimeout(resolve, 300))
    await clock.stop()
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from public.ticks where who = 'slow'`,
    )
    expect(rows[0].n).toBeGreaterThanOrEqual(2)
    expect(stats.max).toBe(1)
  })

  it('logs a failing tick once and keeps ticking', async () => {
    await db.exec(`create or replace function public.market_tick() returns void
      language plpgsql as $$ begin raise exception 'market closed'; end $$`)
    const lines: string[] = []
    const clock = startMarketClock(db, { tickMs: 5, log: (line) => lines.push(line) })
    try {
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(lines).toEqual(['market clock: tick failed: market closed'])
      const before = await tickCount()
      await db.exec(TICK_FN)
      await expect.poll(tickCount, { timeout: 3000 }).toBeGreaterThan(before)
    } finally {
      await clock.stop()
    }
  })

  it('does nothing when the period is 0', async () => {
    await db.exec(TICK_FN)
    const before = await tickCount()
    const clock = startMarketClock(db, { tickMs: 0 })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await clock.stop()
    expect(await tickCount()).toBe(before)
  })

  it('stops promptly and runs no tick after stop() resolves', async () => {
    await db.exec(TICK_FN)
    const clock = startMarketClock(db, { tickMs: 5 })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await clock.stop()
    const after = await tickCount()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await tickCount()).toBe(after)
  })
})
