/**
 * Starts what the app benchmarks need: the local stack (in-memory database, own port) and
 * the production build served by `vite preview`. Returns their URLs and a stop function.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { ANON_KEY } from '../local-supabase/config.ts'

export interface AppServer {
  appUrl: string
  stackUrl: string
  stop(): Promise<void>
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited with ${child.exitCode}`)
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url} did not come up in ${timeoutMs} ms`)
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    // Each server runs in its own process group so its children (vite under sh) stop too.
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal)
      } catch {
        // already gone
      }
    }
    kill('SIGTERM')
    setTimeout(() => kill('SIGKILL'), 5000).unref()
  })
}

export async function startAppServer({
  stackPort = 54339,
  appPort = 4179,
  tickMs = 0,
} = {}): Promise<AppServer> {
  const stackUrl = `http://127.0.0.1:${stackPort}`
  const appUrl = `http://127.0.0.1:${appPort}`
  const stack = spawn('npx', ['tsx', 'local-supabase/cli.ts', '--reset'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
    env: {
      ...process.env,
      LOCAL_SUPABASE_PORT: String(stackPort),
      LOCAL_SUPABASE_DATA_DIR: 'memory',
      MARKET_TICK_MS: String(tickMs),
      SITE_URL: appUrl,
    },
  })
  const outDir = 'bench/.tmp/app'
  const app = spawn(
    'sh',
    [
      '-c',
      `npx vite build --outDir ${outDir} --emptyOutDir --logLevel error && npx vite preview --outDir ${outDir} --port ${appPort} --strictPort`,
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
      env: { ...process.env, VITE_SUPABASE_URL: stackUrl, VITE_SUPABASE_ANON_KEY: ANON_KEY },
    },
  )
  const stop = async () => {
    await Promise.all([stopChild(stack), stopChild(app)])
  }
  try {
    await Promise.all([
      waitFor(`${stackUrl}/health`, stack, 120_000),
      waitFor(appUrl, app, 180_000),
    ])
  } catch (error) {
    await stop()
    throw error
  }
  return { appUrl, stackUrl, stop }
}

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
]
