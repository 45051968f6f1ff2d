import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { startAppAgainstStack, type AppAgainstStack } from '@/test/app-against-stack'
import { blockRest, outageAlert } from '@/test/rest-outage'
import { watchlistKeys } from '../api/keys'

let app: AppAgainstStack

beforeAll(async () => {
  app = await startAppAgainstStack()
})

afterAll(async () => {
  await app?.stop()
})

/** Puts a stock on the user's watchlist directly, as if added before the page opened. */
async function watch(userId: string, symbol: string) {
  const { error } = await app.stack.admin.from('wishlists').insert({ user_id: userId, symbol })
  expect(error).toBeNull()
}

/** Opens the watchlist page and a row's price alert dialog, once the row shows the price. */
async function openAlertDialog(user: UserEvent, symbol: string, price: string) {
  app.renderApp('/watchlist')
  const table = await screen.findByRole('table', { name: /Watchlist/ })
  const row = (await within(table).findByRole('link', { name: symbol })).closest('tr')!
  await waitFor(() => expect(row).toHaveTextContent(price))
  await user.click(within(row).getByRole('button', { name: `Set price alert for ${symbol}` }))
  const dialog = await screen.findByRole('dialog', { name: `Price alert for ${symbol}` })
  return { row, dialog }
}

describe('watchlist page against the local stack', () => {
  it('adds a stock by search, sets an alert that fires, links to the ticket, and removes it', async () => {
    const user = userEvent.setup()
    const userId = await app.signInAsGuest()
    await app.setPrice('MSFT', 400)
    app.renderApp('/watchlist')

    expect(
      await screen.findByRole('heading', { name: 'Your watchlist is empty' }),
    ).toBeInTheDocument()

    // Search by name, pick with the keyboard.
    const search = screen.getByRole('combobox', { name: 'Add a stock' })
    await user.type(search, 'microsoft')
    const listbox = await screen.findByRole('listbox', { name: 'Matching stocks' })
    expect(await within(listbox).findByRole('option', { name: /MSFT/ })).toBeInTheDocument()
    await user.keyboard('{Enter}')

    const table = await screen.findByRole('table', { name: /Watchlist/ })
    const row = (await within(table).findByRole('link', { name: 'MSFT' })).closest('tr')!
    await waitFor(() => expect(row).toHaveTextContent('$400.00'))
    // Focus stays in the (cleared) search, ready for the next stock.
    expect(search).toHaveFocus()
    expect(search).toHaveValue('')

    // The trade link is a visible word, not only an icon.
    expect(within(row).getByRole('link', { name: 'Trade MSFT' })).toHaveTextContent('Trade')

    // Cancel closes the dialog without saving anything.
    await user.click(within(row).getByRole('button', { name: 'Set price alert for MSFT' }))
    const cancelled = await screen.findByRole('dialog', { name: 'Price alert for MSFT' })
    await user.type(within(cancelled).getByLabelText('Alert when the price rises to'), '410')
    await user.click(within(cancelled).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const { data: untouched } = await app.stack.admin
      .from('wishlists')
      .select('alert_above, alert_below')
      .eq('user_id', userId)
    expect(untouched).toEqual([{ alert_above: null, alert_below: null }])

    // An alert above the current price, validated before it is sent.
    await user.click(within(row).getByRole('button', { name: 'Set price alert for MSFT' }))
    const dialog = await screen.findByRole('dialog', { name: 'Price alert for MSFT' })
    await user.type(within(dialog).getByLabelText('Alert when the price rises to'), '-5')
    await user.click(within(dialog).getByRole('button', { name: 'Save alert' }))
    expect(
      within(dialog).getByText('Enter a price above zero, or leave it empty.'),
    ).toBeInTheDocument()
    await user.clear(within(dialog).getByLabelText('Alert when the price rises to'))
    await user.type(within(dialog).getByLabelText('Alert when the price rises to'), '420')
    await user.click(within(dialog).getByRole('button', { name: 'Save alert' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(await within(row).findAllByText('≥ $420.00')).not.toHaveLength(0)
    const { data: saved } = await app.stack.admin
      .from('wishlists')
      .select('alert_above, alert_below')
      .eq('user_id', userId)
    expect(saved).toEqual([{ alert_above: 420, alert_below: null }])

    // The market crosses it: the alert fires once and leads to the order ticket.
    await app.setPrice('MSFT', 425)
    const fired = await screen.findByRole(
      'region',
      { name: 'Triggered alerts' },
      { timeout: 20_000 },
    )
    expect(within(fired).getByText(/rose above/)).toHaveTextContent(
      'MSFT rose above your $420.00 target, to $425.00',
    )
    expect(within(fired).getByRole('link', { name: 'Buy MSFT' })).toHaveAttribute(
      'href',
      '/stocks/MSFT?side=buy#order-ticket',
    )
    // Selling is offered only once there are shares to sell.
    expect(within(fired).queryByRole('link', { name: 'Sell MSFT' })).not.toBeInTheDocument()
    const bought = await app.supabase.rpc('place_order', {
      p_symbol: 'MSFT',
      p_side: 'buy',
      p_quantity: 1,
    })
    expect(bought.error).toBeNull()
    expect(
      await within(fired).findByRole('link', { name: 'Sell MSFT' }, { timeout: 10_000 }),
    ).toHaveAttribute('href', '/stocks/MSFT?side=sell#order-ticket')

    // The other way too, before the first was seen: both are listed, newest first.
    expect(
      (
        await app.supabase
          .from('wishlists')
          .update({ alert_below: 410 })
          .eq('user_id', userId)
          .eq('symbol', 'MSFT')
      ).error,
    ).toBeNull()
    await app.setPrice('MSFT', 405)
    await waitFor(() => expect(within(fired).getAllByRole('listitem')).toHaveLength(2), {
      timeout: 20_000,
    })
    expect(
      within(fired)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      expect.stringContaining('MSFT fell below your $410.00 target, to $405.00'),
      expect.stringContaining('MSFT rose above your $420.00 target, to $425.00'),
    ])

    // Seen: dismissed one at a time, on the server too.
    await user.click(
      within(fired).getByRole('button', {
        name: 'Dismiss the alert: MSFT rose above your $420.00 target, to $425.00',
      }),
    )
    await waitFor(() => expect(within(fired).getAllByRole('listitem')).toHaveLength(1))
    await user.click(
      within(fired).getByRole('button', {
        name: 'Dismiss the alert: MSFT fell below your $410.00 target, to $405.00',
      }),
    )
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Triggered alerts' })).not.toBeInTheDocument(),
    )
    const { data: open } = await app.stack.admin
      .from('alert_events')
      .select('id')
      .eq('user_id', userId)
      .is('dismissed_at', null)
    expect(open).toEqual([])

    await user.click(within(row).getByRole('button', { name: 'Remove MSFT from watchlist' }))
    expect(
      await screen.findByRole('heading', { name: 'Your watchlist is empty' }),
    ).toBeInTheDocument()
    const { count } = await app.stack.admin
      .from('wishlists')
      .select('symbol', { count: 'exact', head: true })
      .eq('user_id', userId)
    expect(count).toBe(0)
  })

  it('keeps focus in the search after adding with the arrow keys', async () => {
    const user = userEvent.setup()
    await app.signInAsGuest()
    app.renderApp('/watchlist')
    await screen.findByRole('heading', { name: 'Your watchlist is empty' })

    const search = screen.getByRole('combobox', { name: 'Add a stock' })
    await user.type(search, 'coca')
    const listbox = await screen.findByRole('listbox', { name: 'Matching stocks' })
    await within(listbox).findByRole('option', { name: /KO/ })
    // Browsers move focus to <body> when the focused field is disabled; jsdom does not, so
    // record whether the field was ever disabled while the stock was added.
    const disabledSeen: boolean[] = []
    const observer = new MutationObserver(() =>
      disabledSeen.push((search as HTMLInputElement).disabled),
    )
    observer.observe(search, { attributes: true })
    await user.keyboard('{ArrowDown}{ArrowUp}{Enter}')
    const table = await screen.findByRole('table', { name: /Watchlist/ })
    expect(await within(table).findByRole('link', { name: 'KO' })).toBeInTheDocument()
    // Adding (read-only while it is sent) never took focus away from the field.
    await waitFor(() => expect(search).not.toHaveAttribute('aria-busy'))
    observer.disconnect()
    expect(disabledSeen).not.toContain(true)
    expect(search).toHaveFocus()
    expect(search).toHaveValue('')
  })

  it('refuses an alert on the wrong side of the live price, saying why', async () => {
    const user = userEvent.setup()
    const userId = await app.signInAsGuest()
    await app.setPrice('KO', 63.4)
    await watch(userId, 'KO')
    const { dialog } = await openAlertDialog(user, 'KO', '$63.40')
    const rises = within(dialog).getByLabelText('Alert when the price rises to')
    const falls = within(dialog).getByLabelText('Alert when the price falls to')
    const save = within(dialog).getByRole('button', { name: 'Save alert' })

    // "Rises to" below the price would fire at once: said as typed, Save disabled and described.
    await user.type(rises, '31')
    const risesMessage = "KO is at $63.40 now: choose a price above it, or use 'falls to'."
    expect(rises).toHaveAccessibleDescription(risesMessage)
    expect(rises).toHaveAttribute('aria-invalid', 'true')
    expect(save).toBeDisabled()
    expect(save).toHaveAccessibleDescription(risesMessage)

    // "Falls to" above the price likewise, and at the price counts as crossed.
    await user.clear(rises)
    expect(save).toBeEnabled()
    await user.type(falls, '63.4')
    const fallsMessage = "KO is at $63.40 now: choose a price below it, or use 'rises to'."
    expect(falls).toHaveAccessibleDescription(fallsMessage)
    expect(save).toBeDisabled()
    expect(save).toHaveAccessibleDescription(fallsMessage)

    // Enter still submits nothing while it is wrong.
    await user.type(falls, '{Enter}')
    const { data: none } = await app.stack.admin
      .from('wishlists')
      .select('alert_above, alert_below')
      .eq('user_id', userId)
    expect(none).toEqual([{ alert_above: null, alert_below: null }])

    await user.clear(falls)
    await user.type(falls, '60')
    await user.type(rises, '70')
    expect(within(dialog).queryByText(/now: choose a price/)).not.toBeInTheDocument()
    expect(save).toBeEnabled()
    expect(save).not.toHaveAttribute('aria-describedby')
    await user.click(save)
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const { data: saved } = await app.stack.admin
      .from('wishlists')
      .select('alert_above, alert_below')
      .eq('user_id', userId)
    expect(saved).toEqual([{ alert_above: 70, alert_below: 60 }])
  })
  it('shows an alert target with the decimals it was set with', async () => {
    const user = userEvent.setup()
    const userId = await app.signInAsGuest()
    await app.setPrice('KO', 12.3)
    await watch(userId, 'KO')
    const { row, dialog } = await openAlertDialog(user, 'KO', '$12.30')
    await user.type(within(dialog).getByLabelText('Alert when the price rises to'), '12.3456')
    await user.type(within(dialog).getByLabelText('Alert when the price falls to'), '12.1')
    await user.click(within(dialog).getByRole('button', { name: 'Save alert' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(await within(row).findAllByText('≥ $12.3456 · ≤ $12.10')).not.toHaveLength(0)

    await app.setPrice('KO', 12.4)
    const fired = await screen.findByRole(
      'region',
      { name: 'Triggered alerts' },
      { timeout: 20_000 },
    )
    expect(within(fired).getByText(/rose above/)).toHaveTextContent(
      'KO rose above your $12.3456 target, to $12.40',
    )
  })

  it('says plainly when the watchlist cannot be loaded, and loads it on "Try again"', async () => {
    const user = userEvent.setup()
    await app.signInAsGuest()
    const blocked = blockRest()
    try {
      app.renderApp('/watchlist')
      const title = await screen.findByRole('heading', { name: 'Could not load your watchlist.' })
      const alert = outageAlert(title)

      blocked.mockRestore()
      await user.click(within(alert).getByRole('button', { name: 'Try again' }))
      expect(
        await screen.findByRole('heading', { name: 'Your watchlist is empty' }),
      ).toBeInTheDocument()
    } finally {
      blocked.mockRestore()
    }
  })

  it('keeps the list it shows when a later read of it fails', async () => {
    const userId = await app.signInAsGuest()
    await watch(userId, 'KO')
    const { queryClient: client } = app.renderApp('/watchlist')
    const table = await screen.findByRole('table', { name: /Watchlist/ })
    expect(await within(table).findByRole('link', { name: 'KO' })).toBeInTheDocument()

    const blocked = blockRest()
    try {
      await act(async () => {
        await client.refetchQueries({ queryKey: watchlistKeys.list(userId) })
        // TanStack Query tells its observers on a later task (notifyManager's setTimeout).
        await new Promise((resolve) => setTimeout(resolve, 50))
      })
      expect(client.getQueryState(watchlistKeys.list(userId))?.status).toBe('error')
      expect(within(table).getByRole('link', { name: 'KO' })).toBeInTheDocument()
      expect(screen.queryByText(/Could not load/)).not.toBeInTheDocument()
    } finally {
      blocked.mockRestore()
    }
  })
})
