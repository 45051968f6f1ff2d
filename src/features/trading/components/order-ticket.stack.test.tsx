import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { startAppAgainstStack, type AppAgainstStack } from '@/test/app-against-stack'

let app: AppAgainstStack

beforeAll(async () => {
  app = await startAppAgainstStack()
})

afterAll(async () => {
  await app?.stop()
})

describe('the order ticket against the local stack', () => {
  it('places limit orders one after another by keyboard, keeping the order kind and the focus', async () => {
    const user = userEvent.setup()
    const userId = await app.signInAsGuest()
    await app.setPrice('AAPL', 200)
    app.renderApp('/stocks/AAPL')
    const ticket = within(await screen.findByRole('form', { name: 'Order ticket for AAPL' }))

    await user.selectOptions(ticket.getByLabelText('Order type'), 'Limit')
    await user.selectOptions(ticket.getByLabelText('Time in force'), 'day')
    for (const price of ['190', '185']) {
      await user.click(ticket.getByLabelText('Shares'))
      await user.keyboard('2')
      await user.tab()
      expect(ticket.getByLabelText('Limit price (USD)')).toHaveFocus()
      await user.keyboard(`${price}{Enter}`)
      const dialog = await screen.findByRole('dialog', { name: 'Confirm buy order' })
      await user.tab()
      await user.tab()
      expect(within(dialog).getByRole('button', { name: 'Place buy order' })).toHaveFocus()
      await user.keyboard('{Enter}')
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())

      // Ready for the next rung: same kind of order, amounts cleared, focus back where it was.
      expect(ticket.getByLabelText('Order type')).toHaveValue('limit')
      expect(ticket.getByLabelText('Time in force')).toHaveValue('day')
      expect(ticket.getByLabelText('Shares')).toHaveValue('')
      expect(ticket.getByLabelText('Limit price (USD)')).toHaveValue('')
      expect(ticket.getByLabelText('Limit price (USD)')).toHaveFocus()
    }

    const { data: orders } = await app.stack.admin
      .from('orders')
      .select('type, time_in_force, quantity, limit_price, status')
      .eq('user_id', userId)
      .order('created_at')
    expect(orders).toEqual([
      { type: 'limit', time_in_force: 'day', quantity: 2, limit_price: 190, status: 'pending' },
      { type: 'limit', time_in_force: 'day', quantity: 2, limit_price: 185, status: 'pending' },
    ])
  })

  it('says what a sale made, from its ledger row', async () => {
    const user = userEvent.setup()
    await app.signInAsGuest()
    await app.setPrice('KO', 60)
    const bought = await app.supabase.rpc('place_order', {
      p_symbol: 'KO',
      p_side: 'buy',
      p_quantity: 3,
    })
    expect(bought.error).toBeNull()
    await app.setPrice('KO', 70.5)
    app.renderApp('/stocks/KO')
    const ticket = within(await screen.findByRole('form', { name: 'Order ticket for KO' }))
    await user.click(ticket.getByRole('radio', { name: 'Sell' }))
    await user.type(ticket.getByLabelText('Shares'), '2')
    await user.click(ticket.getByRole('button', { name: 'Review sell order' }))
    const dialog = await screen.findByRole('dialog', { name: 'Confirm sell order' })
    await user.click(within(dialog).getByRole('button', { name: 'Place sell order' }))

    // 2 sold at $70.50 against a cost of $60.00 each
    const toast = (await screen.findByText('Filled: sold 2 KO @ $70.5000')).closest('div')!
    expect(await within(toast).findByText('Realized P&L +$21.00')).toBeInTheDocument()
  })
})
