import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { startAppAgainstStack, type AppAgainstStack } from '@/test/app-against-stack'
import { captureDownloads } from '@/test/capture-downloads'
import { blockRest, outageAlert } from '@/test/rest-outage'

let app: AppAgainstStack
const downloads = captureDownloads()

beforeAll(async () => {
  app = await startAppAgainstStack()
})

afterAll(async () => {
  await app?.stop()
})

async function trade(symbol: string, side: 'buy' | 'sell', quantity: number) {
  const { error } = await app.supabase.rpc('place_order', {
    p_symbol: symbol,
    p_side: side,
    p_quantity: quantity,
  })
  expect(error).toBeNull()
}

function bodyRows(table: HTMLElement) {
  return within(table).getAllByRole('row').slice(1)
}

describe('history page against the local stack', () => {
  it('lists fills newest first, filters them through the URL and exports the filtered set as CSV', async () => {
    const user = userEvent.setup()
    await app.signInAsGuest()
    await app.setPrice('AAPL', 100)
    await app.setPrice('MSFT', 50)
    await trade('AAPL', 'buy', 2)
    await trade('MSFT', 'buy', 4)
    await trade('AAPL', 'sell', 1)

    const { router } = app.renderApp('/history')
    const fills = await screen.findByRole('table', { name: 'Fills, newest first' })
    expect(bodyRows(fills).map((row) => within(row).getAllByRole('cell')[0].textContent)).toEqual([
      'AAPL',
      'MSFT',
      'AAPL',
    ])
    expect(screen.getByText('Showing 1–3 of 3')).toBeInTheDocument()

    // Filters apply as they change: the side at once, the symbol when typing pauses.
    expect(screen.queryByRole('button', { name: /apply/i })).not.toBeInTheDocument()
    await user.selectOptions(screen.getByLabelText('Side'), 'sell')
    await waitFor(() => expect(router.state.location.search).toBe('?side=sell'))
    await waitFor(() =>
      expect(bodyRows(screen.getByRole('table', { name: 'Fills, newest first' }))).toHaveLength(1),
    )
    await user.type(screen.getByLabelText('Symbol'), 'aapl')
    await waitFor(() => expect(router.state.location.search).toBe('?symbol=AAPL&side=sell'))
    await waitFor(() =>
      expect(bodyRows(screen.getByRole('table', { name: 'Fills, newest first' }))).toHaveLength(1),
    )
    expect(screen.getByText('Showing 1–1 of 1')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Export CSV' }))
    await waitFor(() => expect(downloads).toHaveLength(1))
    const lines = (await downloads[0].text()).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'time,symbol,side,quantity,price,amount,fee,realized_pnl,cash_after,run,order_id,id',
    )
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\dT[^,]+,AAPL,sell,1,100,100,0,0,99700,current,/)

    // A filter that matches nothing says so and offers the way back.
    await user.clear(screen.getByLabelText('Symbol'))
    await user.type(screen.getByLabelText('Symbol'), 'NVDA')
    expect(
      await screen.findByRole('heading', { name: 'No fills match these filters' }),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    await waitFor(() => expect(router.state.location.search).toBe(''))
    expect(await screen.findByText('Showing 1–3 of 3')).toBeInTheDocument()

    // Filter changes replace the page's history entry (Back does not step through each edit);
    // leaving the page and coming Back restores the filters, in the list and in the form.
    await user.selectOptions(screen.getByLabelText('Side'), 'buy')
    await waitFor(() => expect(router.state.location.search).toBe('?side=buy'))
    expect(router.state.historyAction).toBe('REPLACE')
    expect(await screen.findByText('Showing 1–2 of 2')).toBeInTheDocument()
    await act(() => router.navigate('/portfolio'))
    await act(() => router.navigate(-1))
    expect(router.state.location.search).toBe('?side=buy')
    await waitFor(() => expect(screen.getByLabelText('Side')).toHaveValue('buy'))
    expect(await screen.findByText('Showing 1–2 of 2')).toBeInTheDocument()
  })

  it('goes back to page 1 when a filter changes and keeps the rows while the range is inverted', async () => {
    const user = userEvent.setup()
    await app.signInAsGuest()
    await app.setPrice('AAPL', 100)
    await trade('AAPL', 'buy', 2)
    await trade('AAPL', 'sell', 1)

    const { router } = app.renderApp('/history?side=buy&page=2')
    // Page 2 is past the end of the one buy: said so, not as a failure to try again.
    expect(await screen.findByRole('button', { name: 'Go to the first page' })).toBeInTheDocument()
    expect(screen.getByText('This page is past the end of your fills.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument()
    await user.selectOptions(screen.getByLabelText('Side'), 'sell')
    await waitFor(() => expect(router.state.location.search).toBe('?side=sell'))
    expect(await screen.findByText('Showing 1–1 of 1')).toBeInTheDocument()

    // A range that ends before it starts is refused: the list keeps the filters in force.
    const day = (offset: number) => {
      const date = new Date()
      date.setDate(date.getDate() + offset)
      const pad = (n: number) => String(n).padStart(2, '0')
      return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
    }
    fireEvent.change(screen.getByLabelText('From'), { target: { value: day(0) } })
    await waitFor(() => expect(router.state.location.search).toBe(`?side=sell&from=${day(0)}`))
    fireEvent.change(screen.getByLabelText('To'), { target: { value: day(-1) } })
    expect(screen.getByLabelText('To')).toHaveAccessibleDescription(
      'The end date is before the start date.',
    )
    expect(router.state.location.search).toBe(`?side=sell&from=${day(0)}`)
    expect(bodyRows(screen.getByRole('table', { name: 'Fills, newest first' }))).toHaveLength(1)
    // Another filter still applies, without the refused end date.
    await user.selectOptions(screen.getByLabelText('Side'), 'buy')
    await waitFor(() => expect(router.state.location.search).toBe(`?side=buy&from=${day(0)}`))
    expect(screen.getByText('The end date is before the start date.')).toBeInTheDocument()
  })

  it('marks orders and fills of a previous run after a reset', async () => {
    const user = userEvent.setup()
    await app.signInAsGuest()
    await trade('AAPL', 'buy', 1)
    expect((await app.supabase.rpc('reset_portfolio')).error).toBeNull()
    await trade('MSFT', 'buy', 1)

    app.renderApp('/history')
    const fills = await screen.findByRole('table', { name: 'Fills, newest first' })
    const [current, previous] = bodyRows(fills)
    expect(within(current).queryByText(/Previous run/)).not.toBeInTheDocument()
    expect(within(previous).getAllByText('Previous run 1')).not.toHaveLength(0)
    // The Run column names the current run too, so it is never a column of blanks.
    expect(within(current).getByText('Current')).toBeInTheDocument()
    expect(within(previous).queryByText('Current')).not.toBeInTheDocument()

    await user.click(screen.getByRole('radio', { name: 'Orders' }))
    const orders = await screen.findByRole('table', { name: 'Orders, newest first' })
    expect(bodyRows(orders)).toHaveLength(2)
    expect(within(bodyRows(orders)[1]).getAllByText('Previous run 1')).not.toHaveLength(0)
    expect(within(bodyRows(orders)[0]).getByText('Filled')).toBeInTheDocument()
    // A market order: capitalized type and price, and no time in force (it does not apply).
    const marketCells = within(bodyRows(orders)[0])
      .getAllByRole('cell')
      .map((cell) => cell.textContent)
    expect(marketCells.filter((text) => text === 'Market')).toHaveLength(2)
    expect(within(bodyRows(orders)[0]).queryByText(/cancelled|^Day$/i)).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Export CSV' }))
    await waitFor(() => expect(downloads).toHaveLength(1))
    const csv = await downloads[0].text()
    expect(csv.split('\r\n')[0]).toMatch(/^time,symbol,side,type,/)
    expect(csv).toMatch(/,MSFT,buy,market,.*,current,/)
    expect(csv).toMatch(/,AAPL,buy,market,.*,previous \(run 1\),/)
  })

  it('says in plain words why the market engine rejected an order', async () => {
    const user = userEvent.setup()
    await app.signInAsGuest()
    await app.setPrice('AAPL', 90)
    // A stop buy holds 105% of its stop; a gap to twice the stop costs more than the cash.
    const placed = await app.supabase.rpc('place_order', {
      p_symbol: 'AAPL',
      p_side: 'buy',
      p_quantity: 900,
      p_type: 'stop',
      p_stop_price: 100,
    })
    expect(placed.error).toBeNull()
    await app.setPrice('AAPL', 200)

    app.renderApp('/history')
    await user.click(await screen.findByRole('radio', { name: 'Orders' }))
    const orders = await screen.findByRole('table', { name: 'Orders, newest first' })
    const [row] = bodyRows(orders)
    expect(within(row).getByText('Rejected')).toBeInTheDocument()
    expect(
      within(row).getByText('You do not have enough buying power for this order.'),
    ).toBeInTheDocument()
    expect(within(row).queryByText('insufficient_funds')).not.toBeInTheDocument()
    // The same words as the order ticket, capitalized like the other tables.
    expect(within(row).getByText('Stop $100.0000')).toBeInTheDocument()
    expect(within(row).getByText('Good till cancelled')).toBeInTheDocument()
  })

  it('cancels an open order from the orders list, which then shows it cancelled', async () => {
    const user = userEvent.setup()
    const userId = await app.signInAsGuest()
    await app.setPrice('MSFT', 50)
    await trade('MSFT', 'buy', 1)
    const placed = await app.supabase.rpc('place_order', {
      p_symbol: 'MSFT',
      p_side: 'buy',
      p_quantity: 2,
      p_type: 'limit',
      p_limit_price: 5,
    })
    expect(placed.error).toBeNull()

    app.renderApp('/history?view=orders')
    const orders = await screen.findByRole('table', { name: 'Orders, newest first' })
    // The column holds the price of the fill, not its time.
    expect(within(orders).getByRole('columnheader', { name: 'Fill price' })).toBeInTheDocument()
    const [open, filled] = bodyRows(orders)
    expect(within(open).getByText('Open')).toBeInTheDocument()
    // Only the open order can be cancelled.
    expect(within(filled).queryByRole('button', { name: /Cancel/ })).not.toBeInTheDocument()

    await user.click(within(open).getByRole('button', { name: 'Cancel order: Buy 2 MSFT limit' }))
    const dialog = await screen.findByRole('dialog', { name: 'Cancel this order?' })
    await user.click(within(dialog).getByRole('button', { name: 'Cancel order' }))
    await waitFor(() =>
      expect(within(bodyRows(orders)[0]).getByText('Cancelled')).toBeInTheDocument(),
    )
    expect(within(bodyRows(orders)[0]).queryByRole('button')).not.toBeInTheDocument()
    // Focus goes to the row's new status rather than to the page, once the dialog closes (the row
    // can turn Cancelled on the Realtime event before the RPC's answer closes it).
    await waitFor(() => expect(within(bodyRows(orders)[0]).getByText('Cancelled')).toHaveFocus())
    const { data } = await app.stack.admin
      .from('orders')
      .select('status')
      .eq('user_id', userId)
      .eq('type', 'limit')
    expect(data).toEqual([{ status: 'cancelled' }])
  })
  it('says plainly when the list cannot be loaded, and loads it on "Try again"', async () => {
    const user = userEvent.setup()
    await app.signInAsGuest()
    const blocked = blockRest()
    try {
      app.renderApp('/history')
      const title = await screen.findByRole('heading', { name: 'Could not load your fills.' })
      const alert = outageAlert(title)

      blocked.mockRestore()
      await user.click(within(alert).getByRole('button', { name: 'Try again' }))
      expect(await screen.findByRole('heading', { name: 'No fills yet' })).toBeInTheDocument()
    } finally {
      blocked.mockRestore()
    }
  })

  it('keeps the rows it shows when a later read of them fails', async () => {
    await app.signInAsGuest()
    await app.setPrice('AAPL', 100)
    await trade('AAPL', 'buy', 2)
    const { queryClient: client } = app.renderApp('/history')
    const fills = await screen.findByRole('table', { name: 'Fills, newest first' })
    expect(bodyRows(fills)).toHaveLength(1)

    const blocked = blockRest()
    try {
      await act(async () => {
        await client.refetchQueries({ queryKey: ['transactions'] })
        // TanStack Query tells its observers on a later task (notifyManager's setTimeout).
        await new Promise((resolve) => setTimeout(resolve, 50))
      })
      const failed = client
        .getQueryCache()
        .findAll({ queryKey: ['transactions'], type: 'active' })
        .map((query) => query.state.status)
      expect(failed).toContain('error')
      expect(bodyRows(screen.getByRole('table', { name: 'Fills, newest first' }))).toHaveLength(1)
      expect(screen.queryByText(/Could not load/)).not.toBeInTheDocument()
    } finally {
      blocked.mockRestore()
    }
  })
})
