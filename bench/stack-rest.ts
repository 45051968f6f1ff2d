/**
 * REST round trip through supabase-js against the real local stack over HTTP: a simple
 * select on `stocks` (anon) and an RPC (`get_leaderboard`, as a signed-in user), p50/p99.
 * Baseline, same process and database: a raw `db.query` of the same SQL, so the ratio is
 * what the HTTP + auth + PostgREST-emulation layers add on top of Postgres itself.
 * Runs on PGlite, or on PostgreSQL when DATABASE_URL is set.
 */
import type { Db } from '../local-supabase/db/types.ts'
import { startLocalStack } from '../local-supabase/testing.ts'
import type { BenchResult } from './run.ts'

const WARMUP = 30
const SAMPLES = 300

export async function run(): Promise<BenchResult[]> {
  const stack = await startLocalStack()
  try {
    const driver = stack.db.kind
    const anon = stack.client()
    const { client: user } = await stack.signUp()

    const select = await sample(async () => {
      const { error } = await anon.from('stocks').select('symbol,name,price,previous_close')
      if (error) throw error
    })
    const selectRaw = await sampleRaw(
      stack.db,
      'select symbol, name, price, previous_close from public.stocks',
    )
    const rpc = await sample(async () => {
      const { error } = await user.rpc('get_leaderboard', { p_limit: 50 })
      if (error) throw error
    })
    const rpcRaw = await sampleRaw(stack.db, 'select * from public.get_leaderboard(50)')

    return [
      ...report('select stocks', select, selectRaw, driver),
      ...report('rpc get_leaderboard', rpc, rpcRaw, driver),
    ]
  } finally {
    await stack.stop()
  }
}

function report(name: string, api: number[], raw: number[], driver: string): BenchResult[] {
  const ratio = percentile(api, 0.5) / percentile(raw, 0.5)
  return [
    { name: `${name} p50 (supabase-js)`, value: percentile(api, 0.5), unit: 'ms', note: driver },
    { name: `${name} p99 (supabase-js)`, value: percentile(api, 0.99), unit: 'ms', note: driver },
    { name: `${name} p50 (raw db.query baseline)`, value: percentile(raw, 0.5), unit: 'ms' },
    { name: `${name} p50 ratio to baseline`, value: ratio, unit: '×' },
  ]
}

async function sample(fn: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn()
  const times: number[] = []
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now()
    await fn()
    times.push(performance.now() - started)
  }
  return times
}

function sampleRaw(db: Db, sql: string): Promise<number[]> {
  return sample(async () => {
    await db.query(sql)
  })
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}
