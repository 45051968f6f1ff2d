import type { ReactElement } from 'react'
import { configure } from '@testing-library/react'
import type { SupabaseClient } from '@supabase/supabase-js'
import type { QueryClient } from '@tanstack/react-query'
import WebSocket from 'ws'
import type * as Providers from '@/app/providers'
import type * as QueryClients from '@/app/query-client'
import type * as Routes from '@/app/routes'
import { startStackProcess, type StackProcess } from './local-stack-process'
import { renderRoutes } from './render'

/**
 * The whole app (real routes, providers, supabase client) against a fresh local stack, for
 * route-level integration tests. Call in `beforeAll`; the app modules are imported only after
 * the stack is up because the supabase client reads its URL at import time.
 */
export interface AppAgainstStack {
  stack: StackProcess
  supabase: SupabaseClient
  /** Renders the app at a route; its QueryClient is returned, for tests that refetch what it shows. */
  renderApp(route: string): ReturnType<typeof renderRoutes> & { queryClient: QueryClient }
  /** Signs the app's own client in as a new guest and returns the user id. */
  signInAsGuest(): Promise<string>
  /**
   * Puts a stock at an exact price (service role) and runs one market tick, which fills the
   * orders it crosses, fires alerts and broadcasts the price to the app.
   */
  setPrice(symbol: string, price: number): Promise<void>
  stop(): Promise<void>
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
  const stack = await startStackProcess()
  // Speed 0 freezes the random walk: a tick then keeps exactly the prices tests set.
  const frozen = await stack.admin.from('market_state').update({ speed: 0 }).eq('id', true)
  if (frozen.error) throw frozen.error
  vi.stubEnv('VITE_SUPABASE_URL', stack.url)
  vi.stubEnv('VITE_SUPABASE_ANON_KEY', stack.anonKey)
  const [{ routes }, { AppProviders }, { createQueryClient }, { supabase }] = await Promise.all([
    import('@/app/routes') as Promise<typeof Routes>,
    import('@/app/providers') as Promise<typeof Providers>,
    import('@/app/query-client') as Promise<typeof QueryClients>,
    import('@/lib/supabase'),
  ])
  return {
    stack,
    supabase,
    renderApp(route) {
      // The app's own client, as AppProviders would make it.
      const queryClient = createQueryClient()
      const rendered = renderRoutes(routes, {
        route,
        wrap: (children: ReactElement) => (
          <AppProviders client={queryClient}>{children}</AppProviders>
        ),
      })
      return { ...rendered, queryClient }
    },
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
