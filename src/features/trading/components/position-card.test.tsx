import { screen, waitFor, within } from '@testing-library/react'
import { startAppAgainstStack, type AppAgainstStack } from '@/test/app-against-stack'
import { LG_UP } from '@/lib/use-media-query'
import { onOneTradingDay } from '@/test/trading-day'

let app: AppAgainstStack

beforeAll(async () => {
  app = await startAppAgainstStack()
})

afterAll(async () => {
  await app?.stop()
})

afterEach(() => vi.unstubAllGlobals())

/** The page's sections in document order, by heading. */
function sectionOrder() {
  return screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)
}

async function trade(side: 'buy' | 'sell', quantity: number) {
  const { error } = await app.supabase.rpc('place_order', {
    p_symbol: 'AAPL',
    p_side: side,
    p_quantity: quantity,
  })
  expect(error).toBeNull()
}

describe('the stock page position against the local stack', () => {
  it("shows today's return from the day's fills beside the unrealized P&L", async () => {
    await onOneTradingDay()
    await app.signInAsGuest()
    // Bought 10 at $100 today, sold 4 at $110, 6 left at $105: today +$70 (+$30 still held,
    // +$40 taken) over the $600 the 6 still held cost, not the $1,000 paid for all 10;
    // unrealized +$30 on that $600.
    await app.setPrice('AAPL', 100)
    await trade('buy', 10)
    await app.setPrice('AAPL', 110)
    await trade('sell', 4)
    await app.setPrice('AAPL', 105)

    app.renderApp('/stocks/AAPL')

    const card = await screen.findByRole('region', { name: 'Your position' })
    const value = (term: string) => within(card).getByText(term).nextSibling
    await waitFor(() => expect(value('Market value')).toHaveTextContent('$630.00'))
    expect(value('Shares')).toHaveTextContent('6')
    await waitFor(() => expect(value("Today's return")).toHaveTextContent('+$70.00 (+11.67%)'))
    expect(value('Unrealized P&L')).toHaveTextContent('+$30.00 (+5.00%)')
  })

  it('puts the position right after the chart where the page has one column', async () => {
    await app.signInAsGuest()
    app.renderApp('/stocks/AAPL')
    await screen.findByRole('region', { name: 'Your position' })
    expect(sectionOrder()).toEqual(['Price chart', 'Your position', 'Key stats', 'Trade AAPL'])
  })

  it('puts the position under the ticket where the page has two columns', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === LG_UP,
      addEventListener: () => {},
      removeEventListener: () => {},
    }))
    await app.signInAsGuest()
    app.renderApp('/stocks/AAPL')
    await screen.findByRole('region', { name: 'Your position' })
    expect(sectionOrder()).toEqual(['Price chart', 'Key stats', 'Trade AAPL', 'Your position'])
  })
})
