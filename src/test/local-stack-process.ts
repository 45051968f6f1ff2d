import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { createClient } from '@supabase/supabase-js'
import type { SupabaseClient } from '@supabase/supabase-js'
import { LOCAL_SUPABASE_ANON_KEY } from '@/lib/env'

/**
 * The real local stack (`npm run supabase:local`, in-memory database) in a child process, for the
 * app's jsdom tests. Not in-process: Vite transforms `new URL(..., import.meta.url)` for browser
 * environments, which breaks the stack's file reads under jsdom.
 */
export type StackProcess = {
  url: string
  anonKey: string
  /** A service-role client, for assertions that must bypass RLS. */
  admin: SupabaseClient
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export async function startStackProcess({ tickMs = 0 } = {}): Promise<StackProcess> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn('npx', ['tsx', 'local-supabase/cli.ts', '--reset'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
    env: {
      ...process.env,
      LOCAL_SUPABASE_PORT: String(port),
      LOCAL_SUPABASE_DATA_DIR: 'memory',
      MARKET_TICK_MS: String(tickMs),
    },
  })
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      try {
        process.kill(-child.pid!, 'SIGTERM')
      } catch {
        resolve()
      }
    })
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`local stack exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${url}/health`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error('local stack did not start in 120 s')
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  const serviceKey = (await import('../../local-supabase/config')).SERVICE_ROLE_KEY
  const admin = createClient(url, serviceKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  })
  return { url, anonKey: LOCAL_SUPABASE_ANON_KEY, admin, stop }
}
