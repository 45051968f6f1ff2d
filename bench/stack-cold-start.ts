/**
 * Cold start of the local stack: from spawning `npm run supabase:local -- --reset` on a
 * fresh data directory to its "ready" line (PGlite initdb, bootstrap, every migration, the
 * seed, handlers, listening), then a warm restart on the same data directory (nothing left
 * to migrate), and once `npm run dev` on a fresh data directory until Vite is up too (as on
 * a fresh clone). Baseline, same run: spawning node that only creates an empty PGlite, the
 * floor any embedded-Postgres start pays.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BenchResult } from './run.ts'

const RUNS = 3

export async function run(): Promise<BenchResult[]> {
  const root = mkdtempSync(join(tmpdir(), 'bench-cold-start-'))
  try {
    const cold: number[] = []
    const warm: number[] = []
    const baseline: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const dataDir = join(root, `data-${i}`)
      cold.push(await timeToReady(['run', 'supabase:local', '--', '--reset'], dataDir, /ready/i))
      warm.push(await timeToReady(['run', 'supabase:local'], dataDir, /ready/i))
      baseline.push(await timeBareStart())
    }
    const dev = (await portIsFree(5173))
      ? await timeToReady(['run', 'dev'], join(root, 'dev-data'), /^Ready\./m, {
          VITE_SUPABASE_URL: '',
        })
      : null
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
    return [
      {
        name: 'cold start to ready (--reset, fresh data dir)',
        value: median(cold),
        unit: 'ms',
        note: `median of ${RUNS}: ${cold.map(Math.round).join(', ')}`,
      },
      {
        name: 'warm restart to ready (migrated data dir)',
        value: median(warm),
        unit: 'ms',
        note: `median of ${RUNS}: ${warm.map(Math.round).join(', ')}`,
      },
      dev === null
        ? {
            name: 'npm run dev cold start to ready',
            value: 0,
            unit: 'ms',
            note: 'skipped: port 5173 busy',
          }
        : {
            name: 'npm run dev cold start to ready (fresh data dir, stack + Vite)',
            value: dev,
            unit: 'ms',
          },
      {
        name: 'baseline: node + empty PGlite',
        value: median(baseline),
        unit: 'ms',
        note: `cold start = ${(median(cold) / median(baseline)).toFixed(1)}× baseline`,
      },
    ]
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

async function timeToReady(
  npmArgs: string[],
  dataDir: string,
  ready: RegExp,
  extraEnv: Record<string, string> = {},
): Promise<number> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn('npm', npmArgs, {
    env: {
      ...process.env,
      DATABASE_URL: '',
      LOCAL_SUPABASE_PORT: String(port),
      LOCAL_SUPABASE_DATA_DIR: dataDir,
      MARKET_TICK_MS: '0',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  try {
    return await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk
        if (ready.test(output)) resolve(performance.now() - started)
      })
      child.stderr.on('data', (chunk: Buffer) => (output += chunk))
      child.once('exit', (code) =>
        reject(new Error(`stack exited (${code}) before ready:\n${output}`)),
      )
    })
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGINT')
    await exited
  }
}

async function timeBareStart(): Promise<number> {
  const started = performance.now()
  const script =
    "import('@electric-sql/pglite').then(async ({ PGlite }) => { const pg = await PGlite.create(); await pg.query('select 1'); await pg.close() })"
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: 'inherit' })
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`baseline exited ${code}`)),
    )
  })
  return performance.now() - started
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}
