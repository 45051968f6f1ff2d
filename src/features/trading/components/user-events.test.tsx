import { screen, waitFor } from '@testing-library/react'
import { startAppAgainstStack, type AppAgainstStack } from '@/test/app-against-stack'

let app: AppAgainstStack

beforeAll(async () => {
  app = await startAppAgainstStack()
})

afterAll(async () => {
  await app?.stop()
})

async function restingOrder(args: Record<string, unknown>) {
  const { data, error } = await app.supabase.rpc('place_order', args)
  expect(error).toBeNull()
  expect(data).toMatchObject({ status: 'pending' })
}

/** The app's per-user channel has joined and its first catch-up has read its starting time. */
async function userEventsListening(userId: string) {
  await waitFor(() =>
    expect(
      app.supabase.getChannels().find((c) => c.topic === `realtime:user-events:${userId}`)?.state,
    ).toBe('joined'),
  )
  // The catch-up's starting point is one REST round trip after the join.
  await new Promise((resolve) => setTimeout(resolve, 500))
}

function connectionStatus() {
  return screen.getByTestId('connection-status')
}

describe('per-user live events against the local stack', () => {
  it('tells the user in plain words when the market engine rejects a resting order', async () => {
    const userId = await app.signInAsGuest()
    await app.setPrice('AAPL', 90)
    app.renderApp('/portfolio')
    await userEventsListening(userId)

    // A stop buy holds 105% of its stop; a gap to twice the stop costs more than the cash.
    await restingOrder({
      p_symbol: 'AAPL',
      p_side: 'buy',
      p_quantity: 900,
      p_type: 'stop',
      p_stop_price: 100,
    })
    await app.setPrice('AAPL', 200)

    expect(await screen.findByText('Order rejected: buy 900 AAPL')).toBeInTheDocument()
    expect(
      screen.getByText('You do not have enough buying power for this order. Nothing was traded.'),
    ).toBeInTheDocument()
    const { data } = await app.stack.admin
      .from('orders')
      .select('status, reject_reason')
      .eq('user_id', userId)
    expect(data).toEqual([{ status: 'rejected', reject_reason: 'insufficient_funds' }])
  })

  it('announces a fill that happened while Realtime was down exactly once after reconnecting', async () => {
    const userId = await app.signInAsGuest()
    await app.setPrice('MSFT', 100)
    app.renderApp('/portfolio')
    await userEventsListening(userId)
    await restingOrder({
      p_symbol: 'MSFT',
      p_side: 'buy',
      p_quantity: 2,
      p_type: 'limit',
      p_limit_price: 95,
    })

    await app.supabase.realtime.disconnect()
    await waitFor(() => expect(connectionStatus()).not.toHaveAttribute('data-status', 'live'))
    await app.setPrice('MSFT', 90)
    // Nobody could have heard of it yet.
    expect(screen.queryByText(/^Filled: bought 2 MSFT/)).not.toBeInTheDocument()

    app.supabase.realtime.connect()
    expect(await screen.findByText('Filled: bought 2 MSFT @ $90.0000')).toBeInTheDocument()

    // Another reconnect reads the same rows again (the catch-up overlaps its cursor): no repeat.
    await app.supabase.realtime.disconnect()
    await waitFor(() => expect(connectionStatus()).not.toHaveAttribute('data-status', 'live'))
    app.supabase.realtime.connect()
    await waitFor(() => expect(connectionStatus()).toHaveAttribute('data-status', 'live'))
    await userEventsListening(userId)
    expect(screen.getAllByText('Filled: bought 2 MSFT @ $90.0000')).toHaveLength(1)
  })

  it('keeps announcing fills while Realtime stays down and the app polls', async () => {
    const userId = await app.signInAsGuest()
    await app.setPrice('NVDA', 100)
    app.renderApp('/portfolio')
    await userEventsListening(userId)
    await restingOrder({
      p_symbol: 'NVDA',
      p_side: 'buy',
      p_quantity: 3,
      p_type: 'limit',
      p_limit_price: 95,
    })

    await app.supabase.realtime.disconnect()
    // The price store gives up on Realtime after FALLBACK_AFTER_MS and polls.
    await waitFor(() => expect(connectionStatus()).toHaveAttribute('data-polling', 'true'), {
      timeout: 20_000,
    })
    await app.setPrice('NVDA', 90)
    expect(await screen.findByText('Filled: bought 3 NVDA @ $90.0000')).toBeInTheDocument()
    expect(connectionStatus()).toHaveAttribute('data-polling', 'true')
    app.supabase.realtime.connect()
    await waitFor(() => expect(connectionStatus()).toHaveAttribute('data-status', 'live'))
    await userEventsListening(userId)
    expect(screen.getAllByText('Filled: bought 3 NVDA @ $90.0000')).toHaveLength(1)
  }, 60_000)
})
