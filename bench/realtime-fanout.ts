/**
 * Broadcast delivery latency to 1,000 concurrent WebSocket clients (goal p99 ≤ 100 ms):
 * clients in two worker threads join `realtime:market`; the main thread runs the realtime
 * server over PGlite and sends ~50 kB market ticks (500 quotes) through
 * `select realtime.send(...)`, each stamped with its send time. Latency = arrival − stamp,
 * so it covers the SQL call, the commit NOTIFY, the row read and the fan-out. The baseline
 * is the same path with a single client, measured in the same run.
 */
import { Worker } from 'node:worker_threads'
import { ANON_KEY } from '../local-supabase/config.ts'
import {
  startRealtimeTestServer,
  type RealtimeTestServer,
} from '../local-supabase/realtime/test-support.ts'
import type { ClientsConfig, ClientsMessage } from './realtime-fanout-clients.ts'
import type { BenchResult } from './run.ts'

const CLIENTS = 1000
const WORKERS = 2
const STOCKS = 500
const BASELINE_TICKS = 20
const TICKS = 20
const TICK_SPACING_MS = 400

export async function run(): Promise<BenchResult[]> {
  const server = await startRealtimeTestServer()
  try {
    const baseline = await measure(server, 1, BASELINE_TICKS)
    const fanout = await measure(server, CLIENTS, TICKS)
    const p = (q: number) => percentile(fanout.latencies, q)
    const bytes = Buffer.byteLength(tickPayload(0))
    return [
      { name: 'payload size', value: bytes / 1024, unit: 'KiB', note: `${STOCKS} quotes per tick` },
      { name: `p50 latency, ${CLIENTS} clients`, value: p(0.5), unit: 'ms' },
      {
        name: `p99 latency, ${CLIENTS} clients`,
        value: p(0.99),
        unit: 'ms',
        note: `goal ≤ 100 ms: ${p(0.99) <= 100 ? 'met' : 'NOT met'}`,
      },
      { name: `max latency, ${CLIENTS} clients`, value: p(1), unit: 'ms' },
      {
        name: 'delivered',
        value: (100 * fanout.latencies.length) / (CLIENTS * TICKS),
        unit: '%',
        note: `${fanout.latencies.length} of ${CLIENTS * TICKS} messages`,
      },
      {
        name: 'baseline p50 latency, 1 client',
        value: percentile(baseline.latencies, 0.5),
        unit: 'ms',
      },
      {
        name: 'baseline p99 latency, 1 client',
        value: percentile(baseline.latencies, 0.99),
        unit: 'ms',
      },
      {
        name: 'p99 ratio (1,000 clients / 1 client)',
        value: p(0.99) / Math.max(percentile(baseline.latencies, 0.99), 0.001),
        unit: '×',
      },
    ]
  } finally {
    await server.stop()
  }
}

async function measure(server: RealtimeTestServer, clients: number, ticks: number) {
  const perWorker = Math.ceil(clients / WORKERS)
  const workers: Worker[] = []
  for (let left = clients; left > 0; left -= perWorker) {
    const config: ClientsConfig & { role: string } = {
      role: 'realtime-fanout-clients',
      url: `${server.url.replace('http', 'ws')}/realtime/v1/websocket`,
      apikey: ANON_KEY,
      topic: 'realtime:market',
      count: Math.min(perWorker, left),
    }
    // Workers do not inherit tsx's module hooks: the worker loads the .ts file through tsx.
    const file = new URL('./realtime-fanout-clients.ts', import.meta.url).href
    const loader = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(file)}, ${JSON.stringify(file)}))`
    workers.push(new Worker(loader, { eval: true, workerData: config }))
  }
  await Promise.all(workers.map((w) => nextMessage(w, 'ready', 30_000)))
  for (let i = 0; i < ticks; i++) {
    const payload = tickPayload(performance.timeOrigin + performance.now())
    await server.db.query(`select realtime.send($1::jsonb, 'tick', 'market', false)`, [payload])
    await new Promise((resolve) => setTimeout(resolve, TICK_SPACING_MS))
  }
  const reports = await Promise.all(
    workers.map((w) => {
      const report = nextMessage(w, 'report', 10_000)
      w.postMessage({ type: 'report' })
      return report
    }),
  )
  await Promise.all(workers.map((w) => w.terminate()))
  const latencies = reports.flatMap((r) => (r.type === 'report' ? r.latencies : []))
  return { latencies }
}

function nextMessage(
  worker: Worker,
  type: ClientsMessage['type'],
  timeoutMs: number,
): Promise<ClientsMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`worker did not send "${type}" in time`)),
      timeoutMs,
    )
    worker.on('error', reject)
    worker.on('message', (message: ClientsMessage) => {
      if (message.type !== type) return
      clearTimeout(timer)
      resolve(message)
    })
  })
}

/** The market tick's shape from SPEC §4: `{ ts, quotes: [...] }`, one quote per stock. */
function tickPayload(ts: number): string {
  const quotes = Array.from({ length: STOCKS }, (_, i) => {
    const price = 20 + ((i * 37) % 400) + (ts % 100) / 100
    return {
      symbol: `SYM${String(i).padStart(3, '0')}`,
      price: Number(price.toFixed(2)),
      previous_close: Number((price * 0.99).toFixed(2)),
      day_high: Number((price * 1.02).toFixed(2)),
      day_low: Number((price * 0.97).toFixed(2)),
      volume: 1_000_000 + i * 1234,
    }
  })
  return JSON.stringify({ ts, quotes })
}

function percentile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
}
