import { screen, waitFor, within } from '@testing-library/react'
import { createClient } from '@supabase/supabase-js'
import { startAppAgainstStack, type AppAgainstStack } from '@/test/app-against-stack'

let app: AppAgainstStack

beforeAll(async () => {
  app = await startAppAgainstStack()
})

afterAll(async () => {
  await app?.stop()
})

/** Another trader, on their own client, who opted in with a given name. */
async function otherTrader(name: string, buy?: { symbol: string; quantity: number }) {
  const client = createClient(app.stack.url, app.stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, storageKey: `other-${name}` },
  })
  const { data, error } = await client.auth.signInAnonymously()
  expect(error).toBeNull()
  await client
    .from('profiles')
    .update({ display_name: name, show_on_leaderboard: true })
    .eq('id', data.user!.id)
    .throwOnError()
  if (buy) {
    await client
      .rpc('place_order', { p_symbol: buy.symbol, p_side: 'buy', p_quantity: buy.quantity })
      .throwOnError()
  }
}

describe('leaderboard page against the local stack', () => {
  // Runs first, while nobody has opted in yet.
  it('says nobody is listed yet and links to Account once, not twice', async () => {
    await app.signInAsGuest()
    app.renderApp('/leaderboard')
    expect(await screen.findByText('Nobody is on the leaderboard yet')).toBeInTheDocument()
    expect(await screen.findByText(/You are not listed/)).toBeInTheDocument()
    const main = screen.getByRole('main')
    const accountLinks = within(main)
      .getAllByRole('link')
      .filter((link) => link.getAttribute('href') === '/account')
    expect(accountLinks).toHaveLength(1)
    expect(accountLinks[0]).toHaveAccessibleName('Join the leaderboard in Account')
  })

  it('ranks opted-in traders by return, highlights me and explains the opt-in', async () => {
    await app.setPrice('NVDA', 100)
    await otherTrader('Grace', { symbol: 'NVDA', quantity: 100 })
    await otherTrader('Linus')
    // Another trader by my name: only the server knows which of the two rows is mine.
    await otherTrader('Ada', { symbol: 'NVDA', quantity: 50 })
    const userId = await app.signInAsGuest()
    await app.supabase
      .from('profiles')
      .update({ display_name: 'Ada', show_on_leaderboard: true })
      .eq('id', userId)
      .throwOnError()
    // Grace's NVDA gains 10 %: +$1,000 on $100,000.
    await app.setPrice('NVDA', 110)

    app.renderApp('/leaderboard')
    expect(await screen.findByText(/Only traders who opted in are listed/)).toBeInTheDocument()
    expect(await screen.findByText('Ada', { selector: 'p span' })).toBeInTheDocument()
    expect(await screen.findByText(/, rank 3\./)).toBeInTheDocument()

    const table = await screen.findByRole('table', { name: 'Leaderboard by total return' })
    // Linus and I tie at 0 %; the earlier member ranks first.
    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole('row')
          .slice(1)
          .map((row) => within(row).getByRole('rowheader').textContent),
      ).toEqual(['Grace', 'Ada', 'Linus', 'AdaYou']),
    )
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows[0]).toHaveTextContent('+1.00%')
    expect(rows[1]).toHaveTextContent('+0.50%')
    expect(rows[3]).toHaveAttribute('aria-current', 'true')
    for (const row of rows.slice(0, 3)) expect(row).not.toHaveAttribute('aria-current')

    // Leaving the leaderboard removes me from it on the next refresh.
    await app.supabase
      .from('profiles')
      .update({ show_on_leaderboard: false })
      .eq('id', userId)
      .throwOnError()
    await waitFor(
      () =>
        expect(
          within(table)
            .getAllByRole('rowheader')
            .map((cell) => cell.textContent),
        ).toEqual(['Grace', 'Ada', 'Linus']),
      { timeout: 20_000 },
    )
    expect(within(table).queryByRole('row', { current: true })).not.toBeInTheDocument()
  })
})
