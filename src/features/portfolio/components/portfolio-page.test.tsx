import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { startAppAgainstStack, type AppAgainstStack } from '@/test/app-against-stack'
import { blockRest, outageAlert } from '@/test/rest-outage'
import { onOneTradingDay } from '@/test/trading-day'

let app: AppAgainstStack

beforeAll(async () => {
  app = await startAppAgainstStack()
})

afterAll(async () => {
  await app?.stop()
})

afterEach(async () => {
  await app.supabase.auth.signOut()
})

describe('portfolio page against the local stack', () => {
  it('tells a new trader what to do when there is nothing yet', async () => {
    await app.signInAsGuest()
    app.renderApp('/portfolio')

    expect(
      await screen.findByRole('heading', { name: 'You have no holdings yet' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Browse the market' })).toHaveAttribute('href', '/')
    expect(await screen.findByRole('heading', { name: 'No open orders' })).toBeInTheDocument()
    const summary = screen.getByRole('group', { name: 'Account summary' })
    expect(within(summary).getByText('Total equity').nextSibling).toHaveTextContent('$100,000.00')
  })

  it('shows a bought holding at the live price with its P&L, and cancels an open order', async () => {
    const user = userEvent.setup()
    await onOneTradingDay()
    const userId = await app.signInAsGuest()
    await app.setPrice('AAPL', 100)
    const buy = await app.supabase.rpc('place_order', {
      p_symbol: 'AAPL',
      p_side: 'buy',
      p_quantity: 10,
    })
    expect(buy.error).toBeNull()
    const resting = await app.supabase.rpc('place_order', {
      p_symbol: 'MSFT',
      p_side: 'buy',
      p_quantity: 2,
      p_type: 'limit',
      p_limit_price: 5,
    })
    expect(resting.error).toBeNull()
    // The market moves after the fill: the holding is now worth 10 × $110.
    await app.setPrice('AAPL', 110)

    app.renderApp('/portfolio')

    const holdings = await screen.findByRole('table', { name: /Holdings/ })
    const row = (await within(holdings).findByRole('link', { name: 'AAPL' })).closest('tr')!
    await waitFor(() => expect(row).toHaveTextContent('$110.00'))
    // Today: bought today at $100, so the day's gain counts from that price (once fills load).
    await waitFor(() =>
      expect(within(row).getAllByRole('cell')[3]).toHaveTextContent('+$100.00+10.00%'),
    )
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent)
    expect(cells).toEqual([
      '10',
      '$100.00',
      '$110.00',
      '+$100.00+10.00%',
      '$1,100.00@ $110.00',
      '+$100.00+10.00%',
      '$0.00',
    ])

    const summary = screen.getByRole('group', { name: 'Account summary' })
    const value = (label: string) => within(summary).getByText(label).nextSibling
    expect(value('Total equity')).toHaveTextContent('$100,100.00')
    expect(value('Cash')).toHaveTextContent('$99,000.00')
    // $10 of cash is held by the resting limit buy (2 × $5).
    expect(value('Buying power')).toHaveTextContent('$98,990.00')
    expect(value('Total return')).toHaveTextContent('+$100.00')
    await waitFor(() => expect(value('Day change')).toHaveTextContent('+$100.00'))

    expect(
      await screen.findByRole('img', {
        name: /^Allocation by market value: AAPL 1\.1%, Cash 98\.9%\.$/,
      }),
    ).toBeInTheDocument()
    expect(
      await screen.findByRole('img', {
        name: /^Equity from \$100,000\.00 .* to \$100,100\.00 now/,
      }),
    ).toBeInTheDocument()

    // Cancel the resting order, after confirming.
    const orders = await screen.findByRole('table', { name: 'Open orders' })
    expect(within(orders).getByText('Limit $5.0000')).toBeInTheDocument()
    expect(within(orders).getByText('Good till cancelled')).toBeInTheDocument()
    await user.click(within(orders).getByRole('button', { name: 'Cancel order: Buy 2 MSFT limit' }))
    const dialog = await screen.findByRole('dialog', { name: 'Cancel this order?' })
    await user.click(within(dialog).getByRole('button', { name: 'Cancel order' }))
    expect(await screen.findByRole('heading', { name: 'No open orders' })).toBeInTheDocument()
    // The last order's cancellation is confirmed too, though its dialog went with the list.
    expect(await screen.findByText('Order cancelled')).toBeInTheDocument()
    // The last one gone with its row, focus lands on the section heading, not on the page.
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Open orders' })).toHaveFocus())
    const { data } = await app.stack.admin
      .from('orders')
      .select('status')
      .eq('user_id', userId)
      .eq('symbol', 'MSFT')
    expect(data).toEqual([{ status: 'cancelled' }])
    await waitFor(() => expect(value('Buying power')).toHaveTextContent('$99,000.00'))
  })

  it('keeps keyboard focus in the open orders as they are cancelled', async () => {
    const user = userEvent.setup()
    await app.signInAsGuest()
    for (const symbol of ['AAPL', 'MSFT', 'NVDA']) {
      const placed = await app.supabase.rpc('place_order', {
        p_symbol: symbol,
        p_side: 'buy',
        p_quantity: 1,
        p_type: 'limit',
        p_limit_price: 1,
      })
      expect(placed.error).toBeNull()
    }
    app.renderApp('/portfolio')
    const orders = await screen.findByRole('table', { name: 'Open orders' })
    const cancelButton = (symbol: string) =>
      within(orders).getByRole('button', { name: `Cancel order: Buy 1 ${symbol} limit` })
    async function cancel(symbol: string) {
      await user.click(cancelButton(symbol))
      const dialog = await screen.findByRole('dialog', { name: 'Cancel this order?' })
      await user.click(within(dialog).getByRole('button', { name: 'Cancel order' }))
      await waitFor(() =>
        expect(
          within(orders).queryByRole('button', { name: `Cancel order: Buy 1 ${symbol} limit` }),
        ).not.toBeInTheDocument(),
      )
    }

    // Newest first: NVDA, MSFT, AAPL. The middle one: focus moves to the row taking its place.
    await within(orders).findByText('NVDA')
    await cancel('MSFT')
    await waitFor(() => expect(cancelButton('AAPL')).toHaveFocus())
    // The last row: focus moves to the one before.
    await cancel('AAPL')
    await waitFor(() => expect(cancelButton('NVDA')).toHaveFocus())
    // Keeping an order gives focus back to its own Cancel button.
    await user.click(cancelButton('NVDA'))
    const kept = await screen.findByRole('dialog', { name: 'Cancel this order?' })
    await user.click(within(kept).getByRole('button', { name: 'Keep order' }))
    expect(cancelButton('NVDA')).toHaveFocus()
  })

  it('says plainly when the server cannot be reached, soon, and loads on "Try again"', async () => {
    const user = userEvent.setup()
    await app.signInAsGuest()
    const blocked = blockRest()
    try {
      app.renderApp('/portfolio')
      const title = await screen.findByRole(
        'heading',
        { name: 'Could not load your portfolio.' },
        { timeout: 6_000 },
      )
      const alert = outageAlert(title)

      blocked.mockRestore()
      await user.click(within(alert).getByRole('button', { name: 'Try again' }))
      expect(await screen.findByRole('group', { name: 'Account summary' })).toBeInTheDocument()
    } finally {
      blocked.mockRestore()
    }
  })

  it('says it once when every part of the page failed, and "Try again" loads every part', async () => {
    const user = userEvent.setup()
    await app.signInAsGuest()
    const blocked = blockRest()
    try {
      app.renderApp('/portfolio')
      const title = await screen.findByRole('heading', { name: 'Could not load your portfolio.' })
      // The open orders failed too (their read is blocked and retried as quickly): no second block.
      await waitFor(() =>
        expect(screen.queryByRole('heading', { name: 'Open orders' })).not.toBeInTheDocument(),
      )
      expect(screen.getAllByRole('button', { name: 'Try again' })).toHaveLength(1)
      expect(screen.queryByText(/Could not load your open orders/)).not.toBeInTheDocument()

      blocked.mockRestore()
      await user.click(
        within(title.closest<HTMLElement>('[role="alert"]')!).getByRole('button', {
          name: 'Try again',
        }),
      )
      expect(await screen.findByRole('group', { name: 'Account summary' })).toBeInTheDocument()
      expect(await screen.findByRole('heading', { name: 'No open orders' })).toBeInTheDocument()
      expect(await screen.findByRole('img', { name: /^Equity from / })).toBeInTheDocument()
    } finally {
      blocked.mockRestore()
    }
  })

  it('lists holdings biggest first and sorts them by any column', async () => {
    const user = userEvent.setup()
    await app.signInAsGuest()
    await app.setPrice('AAPL', 100)
    await app.setPrice('KO', 60)
    for (const [symbol, quantity] of [
      ['AAPL', 10],
      ['KO', 40],
    ] as const) {
      await app.supabase
        .rpc('place_order', { p_symbol: symbol, p_side: 'buy', p_quantity: quantity })
        .throwOnError()
    }
    // KO now below cost: -$80 on $2,400; AAPL up $50 on $1,000.
    await app.setPrice('KO', 58)
    await app.setPrice('AAPL', 105)

    app.renderApp('/portfolio')
    const holdings = await screen.findByRole('table', { name: /Holdings/ })
    const symbols = () =>
      within(holdings)
        .getAllByRole('link')
        .map((link) => link.textContent)
    // Market value, biggest first: KO $2,320, AAPL $1,050.
    await waitFor(() => expect(symbols()).toEqual(['KO', 'AAPL']))
    const marketValue = within(holdings).getByRole('columnheader', { name: /Market value/ })
    expect(marketValue).toHaveAttribute('aria-sort', 'descending')

    await user.click(within(holdings).getByRole('button', { name: /Unrealized P&L/ }))
    expect(symbols()).toEqual(['AAPL', 'KO'])
    expect(within(holdings).getByRole('columnheader', { name: /Unrealized P&L/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    )
    expect(marketValue).toHaveAttribute('aria-sort', 'none')
    await user.click(within(holdings).getByRole('button', { name: /Unrealized P&L/ }))
    expect(symbols()).toEqual(['KO', 'AAPL'])
    await user.click(within(holdings).getByRole('button', { name: /Symbol/ }))
    expect(symbols()).toEqual(['AAPL', 'KO'])
  })

  it('draws today’s equity on 1D from the equity at the previous close, for a run begun days ago', async () => {
    const user = userEvent.setup()
    await onOneTradingDay()
    const userId = await app.signInAsGuest()
    const admin = app.stack.admin
    // A run begun three days ago that bought 10 AAPL at $100 yesterday (written as the engine
    // would have: order, fill, position and cash), and AAPL closed yesterday at $105.
    const now = Date.now()
    const yesterday = new Date(now - 24 * 60 * 60 * 1000).toISOString()
    const { data: profile } = await admin
      .from('profiles')
      .update({
        run_started_at: new Date(now - 3 * 24 * 60 * 60 * 1000).toISOString(),
        cash: 99_000,
      })
      .eq('id', userId)
      .select('current_run')
      .single()
      .throwOnError()
    const run = (profile as { current_run: number }).current_run
    const { data: order } = await admin
      .from('orders')
      .insert({
        user_id: userId,
        run,
        symbol: 'AAPL',
        side: 'buy',
        type: 'market',
        quantity: 10,
        status: 'filled',
        filled_price: 100,
        filled_at: yesterday,
        created_at: yesterday,
      })
      .select('id')
      .single()
      .throwOnError()
    await admin
      .from('transactions')
      .insert({
        user_id: userId,
        run,
        order_id: (order as { id: string }).id,
        symbol: 'AAPL',
        side: 'buy',
        quantity: 10,
        price: 100,
        amount: 1_000,
        fee: 0,
        cash_after: 99_000,
        created_at: yesterday,
      })
      .throwOnError()
    await admin
      .from('portfolios')
      .insert({
        user_id: userId,
        symbol: 'AAPL',
        quantity: 10,
        average_cost: 100,
        cost_basis: 1_000,
      })
      .throwOnError()
    await admin.from('stocks').update({ previous_close: 105 }).eq('symbol', 'AAPL').throwOnError()
    await app.setPrice('AAPL', 110)

    app.renderApp('/portfolio')
    const card = await screen.findByRole('region', { name: 'Equity over time' })
    // All: the whole run, at daily closes, against the starting cash.
    expect(
      await within(card).findByText(/^Since the run began, .*\(daily closes\)$/),
    ).toBeInTheDocument()
    expect(within(card).getByRole('figure')).toHaveTextContent('starting cash $100,000.00')

    await user.click(within(card).getByRole('radio', { name: '1D' }))
    expect(
      await within(card).findByText('Today, at market prices (1-minute closes)'),
    ).toBeInTheDocument()
    // From $100,050 (99,000 + 10 × $105) at the day's start to $100,100 (10 × $110) now: the
    // day change the summary shows. In between, today's 1-minute closes (the seed's, AAPL near
    // $230: above both ends).
    const chart = await within(card).findByRole('img', {
      name: /^Equity from \$100,050\.00 on .+ to \$100,100\.00 now; high \$[\d,.]+, low \$100,050\.00\.$/,
    })
    const high = Number(
      /high \$([\d,.]+)/.exec(chart.getAttribute('aria-label')!)![1].replace(/,/g, ''),
    )
    expect(high).toBeGreaterThanOrEqual(100_100)
    expect(within(card).getByRole('figure')).toHaveTextContent('previous close $100,050.00')
    const summary = screen.getByRole('group', { name: 'Account summary' })
    expect(within(summary).getByText('Day change').nextSibling).toHaveTextContent('+$50.00')
  })

  it('says in plain words when only the equity curve failed, and loads it on "Try again"', async () => {
    const user = userEvent.setup()
    await app.signInAsGuest()
    // The curve reads the run's fills; nothing else on the page does.
    const blocked = blockRest((url) => url.includes('/rest/v1/transactions'))
    try {
      app.renderApp('/portfolio')
      const card = await screen.findByRole('region', { name: 'Equity over time' })
      const title = await within(card).findByRole('heading', {
        name: 'Could not load the equity curve.',
      })
      const alert = title.closest<HTMLElement>('[role="alert"]')!
      expect(alert).toHaveTextContent('Check your connection and try again.')
      expect(card).not.toHaveTextContent(/TypeError|Failed to fetch/)
      // The rest of the page is there.
      expect(screen.getByRole('group', { name: 'Account summary' })).toBeInTheDocument()

      blocked.mockRestore()
      await user.click(within(alert).getByRole('button', { name: 'Try again' }))
      expect(await within(card).findByRole('img', { name: /^Equity from / })).toBeInTheDocument()
    } finally {
      blocked.mockRestore()
    }
  })

  it('keeps what it shows when a later read of it fails', async () => {
    await app.signInAsGuest()
    const { queryClient: client } = app.renderApp('/portfolio')
    expect(await screen.findByRole('group', { name: 'Account summary' })).toBeInTheDocument()
    expect(await screen.findByRole('heading', { name: 'No open orders' })).toBeInTheDocument()
    expect(await screen.findByRole('img', { name: /^Equity from / })).toBeInTheDocument()

    const blocked = blockRest()
    try {
      await act(async () => {
        await client.refetchQueries({ type: 'active' })
        // TanStack Query tells its observers on a later task (notifyManager's setTimeout).
        await new Promise((resolve) => setTimeout(resolve, 50))
      })
      const failed = client
        .getQueryCache()
        .findAll({ type: 'active' })
        .filter((query) => query.state.status === 'error')
      expect(failed.length).toBeGreaterThanOrEqual(4)
      expect(screen.getByRole('group', { name: 'Account summary' })).toBeInTheDocument()
      expect(screen.getByRole('heading', { name: 'No open orders' })).toBeInTheDocument()
      expect(screen.getByRole('img', { name: /^Equity from / })).toBeInTheDocument()
      expect(screen.queryByText(/^Could not load/)).not.toBeInTheDocument()
    } finally {
      blocked.mockRestore()
    }
  })
})
