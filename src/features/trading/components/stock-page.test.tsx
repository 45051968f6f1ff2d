import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { startAppAgainstStack, type AppAgainstStack } from '@/test/app-against-stack'
import { blockRest } from '@/test/rest-outage'

let app: AppAgainstStack

beforeAll(async () => {
  app = await startAppAgainstStack()
})

afterAll(async () => {
  await app?.stop()
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('stock page when the server cannot be reached', () => {
  it('says so in plain words within seconds, and loads the stock on "Try again"', async () => {
    const user = userEvent.setup()
    const blocked = blockRest()
    const started = Date.now()
    app.renderApp('/stocks/MSFT')

    const message = await screen.findByText(/Could not load/, {}, { timeout: 6_000 })
    const alert = message.closest<HTMLElement>('[role="alert"]')!
    // A couple of quick retries for a blip, not half a minute of skeleton.
    expect(Date.now() - started).toBeLessThan(6_000)
    // Realtime still runs, but with the server's reads failing the header does not say Live.
    await waitFor(() =>
      expect(screen.getByTestId('connection-status')).toHaveTextContent('Server unreachable'),
    )
    expect(
      within(alert).getByRole('heading', { name: 'Could not load this stock.' }),
    ).toBeInTheDocument()
    expect(within(alert).getByText('Check your connection and try again.')).toBeInTheDocument()
    expect(alert).not.toHaveTextContent(/TypeError|Failed to fetch/)
    expect(within(alert).getByRole('link', { name: 'Back to the market' })).toHaveAttribute(
      'href',
      '/',
    )

    blocked.mockRestore()
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('heading', { level: 1, name: /^MSFT/ })).toBeInTheDocument()
    expect(screen.queryByText(/Could not load/)).not.toBeInTheDocument()
    await waitFor(() => expect(screen.getByTestId('connection-status')).toHaveTextContent(/^Live$/))
  })

  it('shows the offline notice and marks the price delayed as soon as the browser is offline', async () => {
    // A fresh price: the stack's market is frozen, and prices older than 10 s read as delayed.
    await app.setPrice('AAPL', 190)
    app.renderApp('/stocks/AAPL')
    await screen.findByRole('heading', { level: 1, name: /^AAPL/ })
    const indicator = screen.getByTestId('connection-status')
    await waitFor(() => expect(indicator).toHaveTextContent(/^Live$/))

    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    act(() => void window.dispatchEvent(new Event('offline')))
    expect(indicator).toHaveTextContent('Offline· prices paused')
    expect(
      screen.getByText(/^You are offline\. Prices shown are from .+; they update again as soon/),
    ).toBeInTheDocument()
    expect(screen.getByText('Prices delayed')).toBeInTheDocument()
    expect(screen.queryByText(/every few seconds/)).not.toBeInTheDocument()

    onLine.mockRestore()
    act(() => void window.dispatchEvent(new Event('online')))
    await waitFor(() => expect(indicator).toHaveTextContent(/^Live$/))
    expect(screen.queryByText(/You are offline/)).not.toBeInTheDocument()
  })
})

describe('stock page price alert', () => {
  afterEach(async () => {
    await app.supabase.auth.signOut()
  })

  it('sets a price alert from the stock page, putting the stock on the watchlist', async () => {
    const user = userEvent.setup()
    const userId = await app.signInAsGuest()
    await app.setPrice('KO', 60)
    app.renderApp('/stocks/KO')
    await screen.findByRole('heading', { level: 1, name: /^KO/ })

    expect(await screen.findByRole('button', { name: 'Watch' })).toHaveAttribute(
      'aria-pressed',
      'false',
    )
    await user.click(await screen.findByRole('button', { name: 'Set alert' }))

    const dialog = await screen.findByRole('dialog', { name: 'Price alert for KO' })
    expect(dialog).toHaveTextContent('Saving it adds KO to your watchlist.')
    await user.type(within(dialog).getByLabelText('Alert when the price rises to'), '65.5')
    await user.click(within(dialog).getByRole('button', { name: 'Save alert' }))

    expect(await screen.findByRole('button', { name: 'Alert ≥ $65.50' })).toBeInTheDocument()
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Watching' })).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByText('KO is on your watchlist now.')).toBeInTheDocument()
    const { data } = await app.stack.admin
      .from('wishlists')
      .select('alert_above, alert_below')
      .eq('user_id', userId)
      .eq('symbol', 'KO')
      .single()
      .throwOnError()
    expect(data).toEqual({ alert_above: 65.5, alert_below: null })

    // The price crosses it: the alert fires as one set on the watchlist does.
    await app.setPrice('KO', 66)
    expect(await screen.findByText(/KO rose above your \$65\.50 target/)).toBeInTheDocument()
  })
})

describe('stock page trades', () => {
  afterEach(async () => {
    await app.supabase.auth.signOut()
  })

  it("lists the user's latest trades in the stock, live, with the way to all of them", async () => {
    await app.signInAsGuest()
    await app.setPrice('KO', 60)
    const trade = async (side: 'buy' | 'sell', quantity: number) => {
      await app.supabase
        .rpc('place_order', { p_symbol: 'KO', p_side: side, p_quantity: quantity })
        .throwOnError()
    }
    for (const quantity of [1, 2, 3, 4, 5]) await trade('buy', quantity)
    app.renderApp('/stocks/KO')

    const section = await screen.findByRole('region', { name: 'Your trades in KO' })
    const table = within(section).getByRole('table', { name: 'Your trades in KO this run' })
    const rows = () => within(table).getAllByRole('row').slice(1)
    // newest first: the buy of 5 shares, at $60, for $300
    expect(rows().map((row) => within(row).getAllByRole('cell')[1].textContent)).toEqual([
      'Bought 5@ $60.0000',
      'Bought 4@ $60.0000',
      'Bought 3@ $60.0000',
      'Bought 2@ $60.0000',
      'Bought 1@ $60.0000',
    ])
    expect(within(rows()[0]).getAllByRole('cell')[3]).toHaveTextContent('$300.00')
    expect(within(section).getByRole('link', { name: 'All KO trades in history' })).toHaveAttribute(
      'href',
      '/history?symbol=KO',
    )

    // A sixth trade, placed elsewhere, arrives through the user's order events.
    await app.setPrice('KO', 61)
    await trade('sell', 2)
    await waitFor(() =>
      expect(within(section).getByRole('table')).toHaveAccessibleName(
        'Your latest 5 of 6 trades in KO this run',
      ),
    )
    // The ledger's amount, and the sale's gain over the $60 average cost.
    const [, what, , amount, realized] = within(rows()[0]).getAllByRole('cell')
    expect(what).toHaveTextContent('Sold 2@ $61.0000')
    expect(amount).toHaveTextContent('$122.00Realized P&L +$2.00')
    expect(realized).toHaveTextContent('+$2.00')
    expect(within(rows()[1]).getAllByRole('cell')[4]).toHaveTextContent('—')
    expect(rows()).toHaveLength(5)
    expect(within(section).getByRole('link', { name: 'All KO trades in history' })).toHaveAttribute(
      'href',
      '/history?symbol=KO',
    )
  })
})
