import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { startAppAgainstStack, type AppAgainstStack } from '@/test/app-against-stack'
import { captureDownloads } from '@/test/capture-downloads'

let app: AppAgainstStack
const downloads = captureDownloads()

beforeAll(async () => {
  app = await startAppAgainstStack()
})

afterAll(async () => {
  await app?.stop()
})

async function profileOf(userId: string) {
  const { data, error } = await app.stack.admin
    .from('profiles')
    .select('display_name, show_on_leaderboard, cash, current_run')
    .eq('id', userId)
    .maybeSingle()
  expect(error).toBeNull()
  return data
}

describe('account page against the local stack', () => {
  it('renames, joins the leaderboard, exports, and resets the portfolio after a typed confirmation', async () => {
    const user = userEvent.setup()
    const userId = await app.signInAsGuest()
    await app.setPrice('AAPL', 100)
    expect(
      (await app.supabase.rpc('place_order', { p_symbol: 'AAPL', p_side: 'buy', p_quantity: 3 }))
        .error,
    ).toBeNull()
    app.renderApp('/account')

    // Display name: validated in the browser, saved through RLS.
    const name = await screen.findByLabelText('Display name')
    // A guest is told the portfolio ends with the session.
    expect(screen.getByText(/^You are trading as a guest\./)).toHaveTextContent(
      'signing out or clearing the site',
    )
    await user.clear(name)
    await user.click(screen.getByRole('button', { name: 'Save name' }))
    expect(screen.getByText('Enter a display name.')).toBeInTheDocument()
    await user.type(name, '  Ada Lovelace ')
    await user.click(screen.getByRole('button', { name: 'Save name' }))
    await waitFor(async () => expect((await profileOf(userId))?.display_name).toBe('Ada Lovelace'))

    // Leaderboard opt-in is a switch that saves at once.
    const optIn = screen.getByRole('switch', { name: 'Show me on the leaderboard' })
    expect(optIn).toHaveAttribute('aria-checked', 'false')
    await user.click(optIn)
    await waitFor(() => expect(optIn).toHaveAttribute('aria-checked', 'true'))
    expect((await profileOf(userId))?.show_on_leaderboard).toBe(true)

    // Export: everything of mine as JSON.
    await user.click(screen.getByRole('button', { name: 'Export my data' }))
    await waitFor(() => expect(downloads).toHaveLength(1))
    const exported = JSON.parse(await downloads[0].text())
    expect(exported.profile.display_name).toBe('Ada Lovelace')
    expect(exported.transactions).toHaveLength(1)
    expect(exported.transactions[0]).toMatchObject({ symbol: 'AAPL', side: 'buy' })

    // Reset: nothing happens until RESET is typed. The row and the dialog say the same thing
    // about positions: removed (reset_portfolio deletes them), not closed by a sale.
    expect(
      screen.getByText(/positions removed, not sold\. .+ marked as previous run 1\./),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Reset portfolio' }))
    const dialog = await screen.findByRole('dialog', { name: 'Reset your portfolio?' })
    expect(
      within(dialog).getByText(
        /every position is removed, not sold\. .+ marked as previous run 1\./,
      ),
    ).toBeInTheDocument()
    const confirm = within(dialog).getByRole('button', { name: 'Reset portfolio' })
    expect(confirm).toBeDisabled()
    await user.type(within(dialog).getByLabelText(/to confirm/), 'reset')
    expect(confirm).toBeDisabled()
    await user.clear(within(dialog).getByLabelText(/to confirm/))
    await user.type(within(dialog).getByLabelText(/to confirm/), 'RESET')
    await user.click(confirm)
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(await profileOf(userId)).toMatchObject({ cash: 100000, current_run: 2 })
    const { count } = await app.stack.admin
      .from('portfolios')
      .select('symbol', { count: 'exact', head: true })
      .eq('user_id', userId)
    expect(count).toBe(0)
    expect(await screen.findByText(/marked as previous run 2/)).toBeInTheDocument()
  })

  it("shows the profile's display name in the header and follows a rename", async () => {
    const user = userEvent.setup()
    const userId = await app.signInAsGuest()
    const guestName = (await profileOf(userId))?.display_name
    expect(guestName).toMatch(/^Guest [0-9a-f]{4}$/)
    app.renderApp('/account')

    const menu = await screen.findByRole('button', { name: `${guestName} account menu` })
    const name = await screen.findByLabelText('Display name')
    await user.clear(name)
    await user.type(name, 'Grace Hopper')
    await user.click(screen.getByRole('button', { name: 'Save name' }))
    await waitFor(() => expect(menu).toHaveAccessibleName('Grace Hopper account menu'))
  })

  it('counts the display name against the 60-character limit and never cuts it', async () => {
    const user = userEvent.setup()
    const userId = await app.signInAsGuest()
    app.renderApp('/account')

    const name = await screen.findByLabelText('Display name')
    expect(name).not.toHaveAttribute('maxlength')
    await user.clear(name)
    await user.type(name, 'Ada')
    expect(name).toHaveAccessibleDescription(/3\/60 characters used/)
    const tooLong = `${'x'.repeat(59)}yz`
    await user.clear(name)
    await user.click(name)
    await user.paste(tooLong)
    expect(name).toHaveValue(tooLong)
    expect(name).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByText('61/60')).toBeInTheDocument()
    expect(screen.getByText('Use at most 60 characters: this name has 61.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Save name' }))
    expect((await profileOf(userId))?.display_name).toMatch(/^Guest /)

    await user.type(name, '{Backspace}')
    expect(name).not.toHaveAttribute('aria-invalid')
    expect(screen.getByText('60/60')).toBeInTheDocument()
  })

  it('deletes the account after typing DELETE, signs out and goes home', async () => {
    const user = userEvent.setup()
    const userId = await app.signInAsGuest()
    const { router } = app.renderApp('/account')

    await user.click(await screen.findByRole('button', { name: 'Delete my account' }))
    const dialog = await screen.findByRole('dialog', { name: 'Delete your account?' })
    const confirm = within(dialog).getByRole('button', { name: 'Delete my account' })
    expect(confirm).toBeDisabled()
    await user.type(within(dialog).getByLabelText(/to confirm/), 'DELETE')
    await user.click(confirm)

    await waitFor(() => expect(router.state.location.pathname).toBe('/'))
    expect(await profileOf(userId)).toBeNull()
    await waitFor(async () =>
      expect((await app.supabase.auth.getSession()).data.session).toBeNull(),
    )
    // Home, not sent to sign in again (with ?next=/account) once the session ended on the page
    expect(await screen.findByText('Your account was deleted')).toBeInTheDocument()
    expect(router.state.location).toMatchObject({ pathname: '/', search: '' })
  })
})
