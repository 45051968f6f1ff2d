import { configure, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactElement } from 'react'
import type { SupabaseClient } from '@supabase/supabase-js'
import type * as Providers from '@/app/providers'
import type * as Routes from '@/app/routes'
import { createClient } from '@supabase/supabase-js'
import WebSocket from 'ws'
import { startStackProcess } from './local-stack-process'
import type { StackProcess } from './local-stack-process'
import { renderRoutes } from './render'
import { blockRest } from './rest-outage'

/**
 * The app against the real local stack (in-process, embedded Postgres): a guest signs in, sees
 * the market, buys at the server's price, and gets the server's rejection in plain words.
 */
let stack: StackProcess
let app: {
  routes: typeof Routes.routes
  AppProviders: typeof Providers.AppProviders
  supabase: SupabaseClient
}

// Lazy routes compile on first use under Vitest; give them time.
configure({ asyncUtilTimeout: 15_000 })

beforeAll(async () => {
  // Node's built-in WebSocket rejects jsdom's Event objects; `ws` is what Node clients use.
  Object.defineProperty(globalThis, 'WebSocket', {
    value: WebSocket,
    configurable: true,
    writable: true,
  })
  stack = await startStackProcess()
  // The app's client reads its URL at import time, so the app is imported after the stack is up.
  vi.stubEnv('VITE_SUPABASE_URL', stack.url)
  vi.stubEnv('VITE_SUPABASE_ANON_KEY', stack.anonKey)
  const [{ routes }, { AppProviders }, { supabase }] = await Promise.all([
    import('@/app/routes'),
    import('@/app/providers'),
    import('@/lib/supabase'),
  ])
  app = { routes, AppProviders, supabase }
})

afterAll(async () => {
  await app?.supabase.removeAllChannels()
  await stack?.stop()
  vi.unstubAllEnvs()
})

function renderApp(route: string) {
  return renderRoutes(app.routes, {
    route,
    wrap: (children: ReactElement) => <app.AppProviders>{children}</app.AppProviders>,
  })
}

describe('trading against the local stack', () => {
  it('guest signs in, sees the market, buys, and is told plainly when an order is unaffordable', async () => {
    const user = userEvent.setup()
    const { router } = renderApp('/sign-in?next=/')

    await user.click(await screen.findByRole('button', { name: 'Try as guest' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/'))

    // The market lists the seeded stocks with live prices, before and after sign-in alike.
    const table = await screen.findByRole('table', { name: 'Stocks' })
    const aaplLink = await within(table).findByRole('link', { name: 'AAPL' })
    const aaplRow = aaplLink.closest('tr')!
    expect(within(aaplRow).getByText(/^\$\d/)).toBeInTheDocument()

    await user.click(aaplLink)
    await screen.findByRole('heading', { name: /AAPL/, level: 1 })
    const ticket = await screen.findByRole('form', { name: 'Order ticket for AAPL' })

    // Buy 1 share at market: the fill comes back with the server's price.
    await user.type(within(ticket).getByLabelText('Shares'), '1')
    await user.click(within(ticket).getByRole('button', { name: 'Review buy order' }))
    const confirm = await screen.findByRole('dialog', { name: 'Confirm buy order' })
    await user.click(within(confirm).getByRole('button', { name: 'Place buy order' }))
    expect(await screen.findByText(/^Filled: bought 1 AAPL @ \$\d/)).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())

    const { data: positions } = await stack.admin
      .from('portfolios')
      .select('quantity')
      .eq('symbol', 'AAPL')
    expect(positions!.map((p) => Number(p.quantity))).toEqual([1])

    // The ticket refuses what the buying power cannot cover, before anything is sent.
    await user.type(within(ticket).getByLabelText('Shares'), '100000')
    expect(await within(ticket).findByRole('alert')).toHaveTextContent('Not enough buying power')
    expect(within(ticket).getByRole('button', { name: 'Review buy order' })).toBeDisabled()

    // An order that was affordable when reviewed, but not when sent (cash spent in another
    // tab meanwhile): the server rejects it and the dialog says why in plain words.
    await user.clear(within(ticket).getByLabelText('Shares'))
    await user.type(within(ticket).getByLabelText('Shares'), '100')
    await user.click(within(ticket).getByRole('button', { name: 'Review buy order' }))
    const second = await screen.findByRole('dialog', { name: 'Confirm buy order' })
    // This tab must not hear of the spending before it sends, or the dialog would refuse the
    // order itself (order-ticket.test.tsx covers that): its profile reads are held back.
    const heldBack = blockRest((url) => url.includes('/rest/v1/profiles'))
    const { data: sessionData } = await app.supabase.auth.getSession()
    const otherTab = createClient(stack.url, stack.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false, storageKey: 'other-tab' },
      global: { headers: { Authorization: `Bearer ${sessionData.session!.access_token}` } },
    })
    const spend = await otherTab.rpc('place_order', {
      p_symbol: 'BRK.B',
      p_side: 'buy',
      p_quantity: null,
      p_notional: 90_000,
    })
    expect(spend.error).toBeNull()

    await user.click(within(second).getByRole('button', { name: 'Place buy order' }))
    expect(await within(second).findByRole('alert')).toHaveTextContent(
      /^Not enough buying power: this order costs \$[\d,]+\.\d\d and you have \$[\d,]+\.\d\d available\.$/,
    )
    heldBack.mockRestore()
    // The same order would be refused again: the dialog offers to edit it, not to resend it.
    expect(within(second).queryByRole('button', { name: 'Try again' })).toBeNull()
    expect(within(second).getByRole('button', { name: 'Edit order' })).toBeEnabled()
    const { count } = await stack.admin
      .from('orders')
      .select('id', { count: 'exact', head: true })
      .eq('symbol', 'AAPL')
    expect(count).toBe(1)
  })
})
