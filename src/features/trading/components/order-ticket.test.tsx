import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { User } from '@supabase/supabase-js'
import { formatOrderPrice } from '@/lib/format'
import { supabase } from '@/lib/supabase'
import type { Position, Profile } from '@/lib/models'
import { createPriceStore } from '@/lib/price-store'
import { PriceStoreContext } from '@/lib/price-store-context'
import { queryKeys } from '@/lib/query-keys'
import { createTestQueryClient, renderWithProviders } from '@/test/render'
import { OrderTicket } from './order-ticket'

const userId = 'user-1'

const aapl = { symbol: 'AAPL', quantity: 3, held_quantity: 1, average_cost: 150 } as Position

function renderTicket(positions: Position[] = [aapl]) {
  const store = createPriceStore({ subscribe: () => () => {}, fetchSnapshot: async () => [] })
  store.applySnapshot([
    { symbol: 'AAPL', price: 200, previous_close: 190, day_high: 201, day_low: 189, volume: 10 },
  ])
  const queryClient = createTestQueryClient()
  queryClient.setDefaultOptions({ queries: { staleTime: Infinity, retry: false } })
  queryClient.setQueryData(queryKeys.profile(userId), {
    id: userId,
    cash: 1000,
    held_cash: 0,
    buying_power: 1000,
  } as Profile)
  queryClient.setQueryData(queryKeys.portfolio.openPositions(userId), positions)
  const user = { id: userId } as User
  renderWithProviders(
    <PriceStoreContext value={store}>
      <OrderTicket symbol="AAPL" userId={userId} />
    </PriceStoreContext>,
    { queryClient, session: { status: 'signed-in', session: { user } as never, user } },
  )
  const ticket = within(screen.getByRole('form', { name: 'Order ticket for AAPL' }))
  return Object.assign(ticket, {
    /** A tick: AAPL's live price moves to this. */
    tick: (price: number) =>
      act(() =>
        store.applySnapshot([
          { symbol: 'AAPL', price, previous_close: 190, day_high: 201, day_low: 189, volume: 10 },
        ]),
      ),
    /** The buying power changes (an order placed from another tab, say). */
    setBuyingPower: (buyingPower: number) =>
      act(() =>
        queryClient.setQueryData(queryKeys.profile(userId), {
          id: userId,
          cash: buyingPower,
          held_cash: 0,
          buying_power: buyingPower,
        } as Profile),
      ),
  })
}

describe('OrderTicket', () => {
  it('estimates the cost live and checks buying power before review', async () => {
    const user = userEvent.setup()
    const ticket = renderTicket()
    expect(ticket.getByText('$1,000.00')).toBeInTheDocument()
    // the live price always to 4 decimals, as the estimate is worked out
    expect(ticket.getByText('Market price').nextElementSibling).toHaveTextContent(/^\$200\.0000$/)
    await user.type(ticket.getByLabelText('Shares'), '4')
    expect(ticket.getByText('$800.00')).toBeInTheDocument()
    await user.type(ticket.getByLabelText('Shares'), '0')
    expect(ticket.getByRole('alert')).toHaveTextContent('Not enough buying power for this order.')
    expect(ticket.getByRole('button', { name: 'Review buy order' })).toBeDisabled()
  })

  it('explains an invalid amount as it is typed and keeps it from review', async () => {
    const user = userEvent.setup()
    const ticket = renderTicket()
    const shares = ticket.getByLabelText('Shares')
    const review = ticket.getByRole('button', { name: 'Review buy order' })
    await user.type(shares, '-1')
    expect(shares).toHaveAccessibleDescription(/Enter a number of shares greater than 0\./)
    expect(shares).toBeInvalid()
    expect(review).toBeDisabled()
    await user.clear(shares)
    await user.type(shares, '1.1234567')
    expect(shares).toHaveAccessibleDescription(/Shares can have at most 6 decimal places\./)
    expect(review).toBeDisabled()
    await user.type(shares, '{Backspace}')
    expect(shares).toBeValid()
    expect(review).toBeEnabled()

    await user.click(ticket.getByRole('radio', { name: 'Dollars' }))
    const dollars = ticket.getByLabelText('Amount (USD)')
    await user.type(dollars, '10.555')
    expect(dollars).toHaveAccessibleDescription(/at most 2 decimal places/)
    expect(review).toBeDisabled()
    await user.clear(dollars)
    await user.type(dollars, '0')
    expect(dollars).toHaveAccessibleDescription('Enter a dollar amount of at least $0.01.')
    expect(review).toBeDisabled()
  })

  it('says before anything is typed that there is nothing to sell', async () => {
    const user = userEvent.setup()
    const ticket = renderTicket([])
    await user.click(ticket.getByRole('radio', { name: 'Sell' }))
    expect(ticket.getByRole('alert')).toHaveTextContent('You have no AAPL shares to sell.')
    const review = ticket.getByRole('button', { name: 'Review sell order' })
    expect(review).toBeDisabled()
    expect(review).toHaveAccessibleDescription('You have no AAPL shares to sell.')
    await user.type(ticket.getByLabelText('Shares'), '1')
    expect(ticket.getByRole('alert')).toHaveTextContent('You have no AAPL shares to sell.')
    expect(review).toBeDisabled()
    await user.click(ticket.getByRole('radio', { name: 'Buy' }))
    expect(ticket.queryByRole('alert')).not.toBeInTheDocument()
    expect(ticket.getByRole('button', { name: 'Review buy order' })).toBeEnabled()
  })

  it('says so when every share is held by open sell orders', async () => {
    const user = userEvent.setup()
    const ticket = renderTicket([{ ...aapl, held_quantity: 3 }])
    await user.click(ticket.getByRole('radio', { name: 'Sell' }))
    expect(ticket.getByRole('alert')).toHaveTextContent(
      'All your AAPL shares are held by open sell orders.',
    )
    expect(ticket.getByRole('button', { name: 'Review sell order' })).toBeDisabled()
  })

  it('shows the fields each order type needs and explains what is missing', async () => {
    const user = userEvent.setup()
    const ticket = renderTicket()
    await user.selectOptions(ticket.getByLabelText('Order type'), 'Stop limit')
    await user.click(ticket.getByRole('button', { name: 'Review buy order' }))
    expect(ticket.getByLabelText('Shares')).toHaveAccessibleDescription(/Enter a number of shares/)
    expect(ticket.getByLabelText('Stop price (USD)')).toHaveAccessibleDescription(
      /Enter a stop price/,
    )
    expect(ticket.getByLabelText('Limit price (USD)')).toHaveAccessibleDescription(
      /Enter a limit price/,
    )
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('sells only the shares not held by other orders, and confirms before sending', async () => {
    const user = userEvent.setup()
    const ticket = renderTicket()
    await user.click(ticket.getByRole('radio', { name: 'Sell' }))
    expect(ticket.getByText('Shares available')).toBeInTheDocument()
    await user.type(ticket.getByLabelText('Shares'), '3')
    expect(ticket.getByRole('alert')).toHaveTextContent('You can sell at most 2 shares.')
    await user.clear(ticket.getByLabelText('Shares'))
    await user.click(ticket.getByRole('radio', { name: 'Dollars' }))
    await user.type(ticket.getByLabelText('Amount (USD)'), '300')
    expect(ticket.getByText('1.5')).toBeInTheDocument()
    await user.click(ticket.getByRole('button', { name: 'Review sell order' }))
    const dialog = screen.getByRole('dialog', { name: 'Confirm sell order' })
    expect(within(dialog).getByText('Amount')).toBeInTheDocument()
    // The amount and the estimated credit at the live price.
    expect(within(dialog).getAllByText('$300.00')).toHaveLength(2)
    // Focus starts on the summary, not on the button that trades.
    expect(within(dialog).getByRole('group', { name: 'Order summary' })).toHaveFocus()
  })

  it('opens the confirm dialog on Enter, and a second Enter does not place the order', async () => {
    const user = userEvent.setup()
    const ticket = renderTicket()
    await user.type(ticket.getByLabelText('Shares'), '1{Enter}')
    const dialog = screen.getByRole('dialog', { name: 'Confirm buy order' })
    const summary = within(dialog).getByRole('group', { name: 'Order summary' })
    expect(summary).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(screen.getByRole('dialog', { name: 'Confirm buy order' })).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Place buy order' })).toBeEnabled()
    expect(summary).toHaveFocus()
    // Placing takes a deliberate move to the button: Cancel comes first.
    await user.tab()
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.tab()
    expect(within(dialog).getByRole('button', { name: 'Place buy order' })).toHaveFocus()
  })

  it('has no time in force for market orders, and a local expiry for day orders', async () => {
    const user = userEvent.setup()
    const ticket = renderTicket()
    expect(ticket.queryByLabelText('Time in force')).not.toBeInTheDocument()
    await user.type(ticket.getByLabelText('Shares'), '1')
    await user.click(ticket.getByRole('button', { name: 'Review buy order' }))
    const dialog = screen.getByRole('dialog', { name: 'Confirm buy order' })
    expect(within(dialog).queryByText('Time in force')).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))

    await user.selectOptions(ticket.getByLabelText('Order type'), 'Limit')
    const tif = ticket.getByLabelText('Time in force')
    expect(within(tif).getByRole('option', { name: 'Good till cancelled' })).toBeInTheDocument()
    const day = within(tif).getByRole('option', { name: /^Day \(expires .+ your time\)$/ })
    expect(day.textContent).not.toMatch(/UTC/)
    await user.selectOptions(tif, 'day')
    await user.type(ticket.getByLabelText('Limit price (USD)'), '150')
    await user.click(ticket.getByRole('button', { name: 'Review buy order' }))
    expect(
      within(screen.getByRole('dialog', { name: 'Confirm buy order' })).getByText(day.textContent!),
    ).toBeInTheDocument()
  })

  it('says plainly when a stop is already crossed, and estimates the fill apart from the hold', async () => {
    const user = userEvent.setup()
    const ticket = renderTicket()
    await user.selectOptions(ticket.getByLabelText('Order type'), 'Stop')
    await user.type(ticket.getByLabelText('Shares'), '2')
    const stop = ticket.getByLabelText('Stop price (USD)')
    // Above the market ($200): it rests; it would fill at about $210, and holds 105 % of that.
    await user.type(stop, '210')
    expect(stop).not.toHaveAccessibleDescription(/market price/)
    expect(ticket.getByText('Estimated cost').nextElementSibling).toHaveTextContent('$420.00')
    expect(ticket.getByText('Held while waiting').nextElementSibling).toHaveTextContent('$441.00')
    // Below the market: it triggers on the next tick at about the market price.
    await user.clear(stop)
    await user.type(stop, '150')
    const notice =
      'Your stop is below the market price ($200.00): this order will trigger on the next tick and fill at about the market price.'
    expect(stop).toHaveAccessibleDescription(new RegExp(notice.replace(/[$().]/g, '\\$&')))
    expect(ticket.getByText('Estimated cost').nextElementSibling).toHaveTextContent('$400.00')
    expect(ticket.getByText('Held while waiting').nextElementSibling).toHaveTextContent('$420.00')
    // A notice, not a problem: review goes on, and the dialog says the same.
    await user.click(ticket.getByRole('button', { name: 'Review buy order' }))
    const dialog = screen.getByRole('dialog', { name: 'Confirm buy order' })
    expect(dialog).toHaveAccessibleDescription(notice)
    expect(within(dialog).getByText('Estimated cost').nextElementSibling).toHaveTextContent(
      '$400.00',
    )
    expect(within(dialog).getByText('Held while waiting').nextElementSibling).toHaveTextContent(
      '$420.00',
    )
  })

  it('checks buying power against the hold of a stop buy', async () => {
    const user = userEvent.setup()
    const ticket = renderTicket()
    await user.selectOptions(ticket.getByLabelText('Order type'), 'Stop')
    // 4 × $240 = $960 expected, but 105 % of it ($1,008) is held: more than the $1,000.
    await user.type(ticket.getByLabelText('Shares'), '4')
    await user.type(ticket.getByLabelText('Stop price (USD)'), '240')
    expect(ticket.getByText('Estimated cost').nextElementSibling).toHaveTextContent('$960.00')
    expect(ticket.getByRole('alert')).toHaveTextContent('Not enough buying power for this order.')
  })

  it('says when a limit will likely fill on the next tick', async () => {
    const user = userEvent.setup()
    const ticket = renderTicket()
    await user.selectOptions(ticket.getByLabelText('Order type'), 'Limit')
    const limit = ticket.getByLabelText('Limit price (USD)')
    await user.type(limit, '190')
    expect(limit).toHaveAccessibleDescription('Buys at this price or lower.')
    await user.clear(limit)
    await user.type(limit, '205')
    expect(limit).toHaveAccessibleDescription(
      /Your limit is above the market price \(\$200\.00\): this order will likely fill on the next tick at the market price or better\./,
    )
    await user.click(ticket.getByRole('radio', { name: 'Sell' }))
    expect(limit).toHaveAccessibleDescription('Sells at this price or higher.')
    await user.clear(limit)
    await user.type(limit, '195')
    expect(limit).toHaveAccessibleDescription(/Your limit is below the market price/)
  })

  it('confirms with the price per share and the buying power left after the order', async () => {
    const user = userEvent.setup()
    const ticket = renderTicket()
    const shares = ticket.getByLabelText('Shares')
    async function review(side: 'buy' | 'sell') {
      await user.click(ticket.getByRole('button', { name: `Review ${side} order` }))
      const dialog = within(screen.getByRole('dialog', { name: `Confirm ${side} order` }))
      const row = (term: string) => dialog.getByText(term).nextElementSibling?.textContent
      const rows = { price: row('Price'), after: row('Buying power after') }
      await user.click(dialog.getByRole('button', { name: 'Cancel' }))
      return rows
    }

    // $1,000 of buying power; 4 at the $200 market price cost about $800.
    await user.type(shares, '4')
    expect(await review('buy')).toEqual({ price: '≈ $200.0000 at market', after: '$200.00' })
    // A resting buy takes its hold ($380) from the buying power.
    await user.selectOptions(ticket.getByLabelText('Order type'), 'Limit')
    await user.clear(shares)
    await user.type(shares, '2')
    await user.type(ticket.getByLabelText('Limit price (USD)'), '190')
    expect(await review('buy')).toEqual({
      price: `${formatOrderPrice(190)} limit`,
      after: '$620.00',
    })
    await user.selectOptions(ticket.getByLabelText('Order type'), 'Stop limit')
    await user.type(ticket.getByLabelText('Stop price (USD)'), '210')
    expect(await review('buy')).toEqual({
      price: `${formatOrderPrice(210)} stop, ${formatOrderPrice(190)} limit`,
      after: '$620.00',
    })

    // A market sale adds its proceeds; a resting sell holds shares, not cash.
    await user.click(ticket.getByRole('radio', { name: 'Sell' }))
    await user.selectOptions(ticket.getByLabelText('Order type'), 'Market')
    expect(await review('sell')).toEqual({ price: '≈ $200.0000 at market', after: '$1,400.00' })
    await user.selectOptions(ticket.getByLabelText('Order type'), 'Limit')
    await user.clear(ticket.getByLabelText('Limit price (USD)'))
    await user.type(ticket.getByLabelText('Limit price (USD)'), '250')
    expect(await review('sell')).toEqual({
      price: `${formatOrderPrice(250)} limit`,
      after: '$1,000.00',
    })
  })

  it('in shares, says how many buying power covers at the price checked, and fills them in', async () => {
    const user = userEvent.setup()
    const ticket = renderTicket()
    const shares = ticket.getByLabelText('Shares')
    // $1,000 of buying power at the $200 market price
    await user.type(shares, '6')
    expect(ticket.getByRole('alert')).toHaveTextContent(
      'Not enough buying power for this order. You can buy at most 5 shares.',
    )
    await user.tab()
    expect(ticket.getByRole('button', { name: 'Buy max (5 shares)' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(shares).toHaveValue('5')
    expect(ticket.queryByRole('alert')).not.toBeInTheDocument()
    expect(ticket.getByRole('button', { name: 'Review buy order' })).toBeEnabled()

    // A limit buy holds its limit, known once typed: $1,000 / $300, to 6 decimals.
    await user.selectOptions(ticket.getByLabelText('Order type'), 'Limit')
    expect(ticket.queryByRole('button', { name: /Buy max/ })).not.toBeInTheDocument()
    await user.type(ticket.getByLabelText('Limit price (USD)'), '300')
    expect(ticket.getByRole('alert')).toHaveTextContent('You can buy at most 3.333333 shares.')
    await user.click(ticket.getByRole('button', { name: 'Buy max (3.333333 shares)' }))
    expect(shares).toHaveValue('3.333333')
    expect(ticket.queryByRole('alert')).not.toBeInTheDocument()

    // A stop buy holds 105 % of its stop: $1,000 / $252.
    await user.selectOptions(ticket.getByLabelText('Order type'), 'Stop')
    await user.clear(shares)
    await user.type(shares, '4')
    await user.type(ticket.getByLabelText('Stop price (USD)'), '240')
    expect(ticket.getByRole('alert')).toHaveTextContent('You can buy at most 3.968253 shares.')
    await user.click(ticket.getByRole('button', { name: 'Buy max (3.968253 shares)' }))
    expect(shares).toHaveValue('3.968253')
    expect(ticket.queryByRole('alert')).not.toBeInTheDocument()

    // Selling has its own button; so has a dollar amount.
    await user.click(ticket.getByRole('radio', { name: 'Sell' }))
    expect(ticket.queryByRole('button', { name: /Buy max/ })).not.toBeInTheDocument()
    await user.click(ticket.getByRole('radio', { name: 'Buy' }))
    await user.click(ticket.getByRole('radio', { name: 'Dollars' }))
    expect(ticket.queryByRole('button', { name: /Buy max/ })).not.toBeInTheDocument()
  })

  it('fills in every available share to sell, or all the buying power to spend', async () => {
    const user = userEvent.setup()
    const ticket = renderTicket()
    await user.click(ticket.getByRole('radio', { name: 'Sell' }))
    // 3 owned, 1 held by a resting order
    await user.click(ticket.getByRole('button', { name: 'Sell all 2 available shares' }))
    expect(ticket.getByLabelText('Shares')).toHaveValue('2')
    expect(ticket.getByText('$400.00')).toBeInTheDocument()
    expect(ticket.queryByRole('alert')).not.toBeInTheDocument()

    await user.click(ticket.getByRole('radio', { name: 'Buy' }))
    expect(ticket.queryByRole('button', { name: /Sell all/ })).not.toBeInTheDocument()
    await user.click(ticket.getByRole('radio', { name: 'Dollars' }))
    await user.click(ticket.getByRole('button', { name: 'Use all buying power ($1,000.00)' }))
    expect(ticket.getByLabelText('Amount (USD)')).toHaveValue('1000.00')
    expect(ticket.getByText('5')).toBeInTheDocument()
    expect(ticket.getByRole('button', { name: 'Review buy order' })).toBeEnabled()
    // A stop buy holds 5% over its stop price: all the buying power would not cover it.
    await user.selectOptions(ticket.getByLabelText('Order type'), 'Stop')
    expect(ticket.queryByRole('button', { name: /Use all buying power/ })).not.toBeInTheDocument()
  })

  it('re-checks a reviewed order at the live price: after Buy max, a tick up blocks it, plainly', async () => {
    const rpc = vi.spyOn(supabase, 'rpc')
    const user = userEvent.setup()
    const ticket = renderTicket()
    // $1,000 of buying power at $200: 5 shares, all of it.
    await user.click(ticket.getByRole('button', { name: 'Buy max (5 shares)' }))
    await user.click(ticket.getByRole('button', { name: 'Review buy order' }))
    const dialog = within(screen.getByRole('dialog', { name: 'Confirm buy order' }))
    expect(dialog.getByText('Buying power after').nextElementSibling).toHaveTextContent('$0.00')
    const place = dialog.getByRole('button', { name: 'Place buy order' })
    expect(place).not.toHaveAttribute('aria-disabled')

    // The price ticks up: 5 × $200.50 is more than the $1,000 there is.
    ticket.tick(200.5)
    expect(dialog.getByRole('alert')).toHaveTextContent(
      'The price moved: this order now needs $1,002.50, more than your buying power $1,000.00.',
    )
    // No negative buying power shown as if all were well, and no way to send it.
    expect(dialog.queryByText('Buying power after')).not.toBeInTheDocument()
    expect(dialog.queryByText(/-\$/)).not.toBeInTheDocument()
    expect(place).toHaveAttribute('aria-disabled', 'true')
    expect(place).toHaveAccessibleDescription(/^The price moved/)
    await user.click(place)
    expect(rpc).not.toHaveBeenCalled()
    expect(place).not.toHaveAttribute('aria-busy')

    // Back down, it fits again and can be placed.
    ticket.tick(199)
    expect(dialog.queryByRole('alert')).not.toBeInTheDocument()
    expect(place).not.toHaveAttribute('aria-disabled')
    expect(dialog.getByText('Buying power after').nextElementSibling).toHaveTextContent('$5.00')

    // Up again: the way on is to edit, and the ticket offers the new most.
    ticket.tick(200.5)
    await user.click(dialog.getByRole('button', { name: 'Edit order' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(ticket.getByLabelText('Shares')).toHaveValue('5')
    expect(ticket.getByRole('alert')).toHaveTextContent('You can buy at most 4.987531 shares.')
    expect(ticket.getByRole('button', { name: 'Buy max (4.987531 shares)' })).toBeInTheDocument()
    expect(rpc).not.toHaveBeenCalled()
    rpc.mockRestore()
  })

  it('says so in the confirm dialog when the buying power goes down after review', async () => {
    const user = userEvent.setup()
    const ticket = renderTicket()
    await user.type(ticket.getByLabelText('Shares'), '4')
    await user.click(ticket.getByRole('button', { name: 'Review buy order' }))
    const dialog = within(screen.getByRole('dialog', { name: 'Confirm buy order' }))
    // Another tab spends all but $500: the order needs $800.
    ticket.setBuyingPower(500)
    // found, not got: the query cache tells its observers on a later task
    expect(await dialog.findByRole('alert')).toHaveTextContent(
      'Your buying power went down: this order now needs $800.00, more than your buying power $500.00.',
    )
    expect(dialog.getByRole('button', { name: 'Place buy order' })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
  })
})
