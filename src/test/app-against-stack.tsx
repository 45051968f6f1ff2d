import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import type { ReactElement } from 'react'
import { configure } from '@testing-library/react'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import WebSocket from 'ws'
import type * as Providers from '@/app/providers'
import type * as Routes from '@/app/routes'
import { LOCAL_SUPABASE_ANON_KEY } from '@/lib/env'
import type { StackProcess } from './local-stack-process'
import { renderRoutes } from './render'

/**
 * The whole app (real routes, providers, supabase client) against a fresh local stack, for
 * route-level integration tests. Call in `beforeAll`; the app modules are imported only after
 * the stack is up because the supabase client reads its URL at import time.
 */
export interface AppAgainstStack {
  stack: StackProcess
  supabase: SupabaseClient
  renderApp(route: string): ReturnType<typeof renderRoutes>
  /** Signs the app's own client in as a new guest and returns the user id. */
  signInAsGuest(): Promise<string>
  /**
   * Puts a stock at an exact price (service role) and runs one market tick, which fills the
   * orders it crosses, fires alerts and broadcasts the price to the app.
   */
  setPrice(symbol: string, price: number): Promise<void>
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

/**
 * `npm run supabase:local -- --reset` in a child process (the stack cannot run in-process under
 * jsdom), on an in-memory database so test files can run side by side and leave nothing behind.
 */
async function startIsolatedStack(): Promise<StackProcess> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn('npx', ['tsx', 'local-supabase/cli.ts', '--reset'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
    env: {
      ...process.env,
      LOCAL_SUPABASE_PORT: String(port),
      LOCAL_SUPABASE_DATA_DIR: 'memory',
      MARKET_TICK_MS: '0',
    },
  })
  const stop = async () => {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      try {
        process.kill(-child.pid!, 'SIGTERM')
      } catch {
        resolve()
      }
    })
  }
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
  const { SERVICE_ROLE_KEY } = await import('../../local-supabase/config')
  const admin = createClient(url, SERVICE_ROLE_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
  })
  return { url, anonKey: LOCAL_SUPABASE_ANON_KEY, admin, stop }
}

export async function startAppAgainstStack(): Promise<AppAgainstStack> {
  // Lazy routes compile on first use under Vitest; give them time.
  configure({ asyncUtilTimeout: 15_000 })
  // Node's built-in WebSocket rejects jsdom's Event objects; `ws` is what Node clients use.
  Object.defineProperty(globalThis, 'WebSocket', {
    value: WebSocket,
    configurable: true,
    writable: true,
  })
  const stack = await startIsolatedStack()
  // Speed 0 freezes the random walk: a tick then keeps exactly the prices tests set.
  const frozen = await stack.admin.from('market_state').update({ speed: 0 }).eq('id', true)
  if (frozen.error) throw frozen.error
  vi.stubEnv('VITE_SUPABASE_URL', stack.url)
  vi.stubEnv('VITE_SUPABASE_ANON_KEY', stack.anonKey)
  const [{ routes }, { AppProviders }, { supabase }] = await Promise.all([
    import('@/app/routes') as Promise<typeof Routes>,
    import('@/app/providers') as Promise<typeof Providers>,
    import('@/lib/supabase'),
  ])
  return {
    stack,
    supabase,
    renderApp: (route) =>
      renderRoutes(routes, {
        route,
        wrap: (children: ReactElement) => <AppProviders>{children}</AppProviders>,
      }),
    async signInAsGuest() {
      const { data, error } = await supabase.auth.signInAnonymously()
      if (error || !data.user) throw error ?? new Error('guest sign-in returned no user')
      return data.user.id
    },
    async setPrice(symbol, price) {
      const set = await stack.admin.rpc('set_stock_price', { p_symbol: symbol, p_price: price })
      if (set.error) throw set.error
      const tick = await stack.admin.rpc('market_tick')
      if (tick.error) throw tick.error
    },
    async stop() {
      await supabase.removeAllChannels()
      await stack.stop()
      vi.unstubAllEnvs()
    },
  }
}
