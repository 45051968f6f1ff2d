import { Profiler } from 'react'
import { act, cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { marketUrl } from '@/lib/market-link'
import type { Stock } from '@/lib/models'
import { createPriceStore } from '@/lib/price-store'
import type { MarketTransport, TickPayload } from '@/lib/price-store'
import { PriceStoreContext } from '@/lib/price-store-context'
import { queryKeys } from '@/lib/query-keys'
import { createTestQueryClient, renderWithProviders } from '@/test/render'
import { marketKeys } from '../api/keys'
import { MarketPage } from './market-page'

const stock = (symbol: string, name: string, sector: string, price: number): Stock => ({
  symbol,
  name,
  sector,
  exchange: 'NASDAQ',
  currency: 'USD',
  price,
  previous_close: 100,
  day_open: 100,
  day_high: price,
  day_low: price,
  volume: 1000,
  average_volume: 1000,
  updated_at: new Date().toISOString(),
})

const stocks = [
  stock('AAPL', 'Apple Inc.', 'Technology', 110),
  stock('JPM', 'JPMorgan Chase & Co.', 'Financials', 90),
  stock('MSFT', 'Microsoft Corporation', 'Technology', 101),
]

function renderMarket({
  onCommit = () => {},
  route = '/',
}: { onCommit?: () => void; route?: string } = {}) {
  let onTick: (payload: TickPayload) => void = () => {}
  const transport: MarketTransport = {
    subscribe: (handlers) => {
      onTick = handlers.onTick
      return () => {}
    },
    fetchSnapshot: async () => [],
  }
  const store = createPriceStore(transport)
  store.applySnapshot(stocks)
  const queryClient = createTestQueryClient()
  queryClient.setQueryData(queryKeys.stocks.list(), stocks)
  queryClient.setQueryData(marketKeys.sparklines(), new Map([['AAPL', [100, 105, 110]]]))
  const { router } = renderWithProviders(
    <PriceStoreContext value={store}>
      <Profiler id="market" onRender={onCommit}>
        <MarketPage />
      </Profiler>
    </PriceStoreContext>,
    { queryClient, route },
  )
  return {
    store,
    router,
    queryClient,
    tick: (payload: TickPayload) => act(() => onTick(payload)),
  }
}

const symbols = () =>
  within(screen.getByRole('table', { name: 'Stocks' }))
    .getAllByRole('link')
    .map((link) => link.textContent)

describe('MarketPage', () => {
  it('lists every stock with its live price and day change, visible without signing in', () => {
    renderMarket()
    expect(screen.getByRole('heading', { name: 'Market', level: 1 })).toBeInTheDocument()
    expect(symbols()).toEqual(['AAPL', 'JPM', 'MSFT'])
    const row = screen.getByRole('link', { name: 'AAPL' }).closest('tr')!
    expect(within(row).getByText('$110.00')).toBeInTheDocument()
    expect(within(row).getByText('+$10.00')).toHaveClass('text-up')
    expect(within(row).getByText('+10.00%')).toBeInTheDocument()
  })

  it('keeps the list it has when a later read of it fails, and says so only when it has none', async () => {
    const fetchSpy = vi
      .spyOn(globalThis, 'fetch')
      .mockRejectedValue(new TypeError('Failed to fetch'))
    try {
      const { queryClient } = renderMarket()
      await act(async () => {
        await queryClient.refetchQueries({ queryKey: queryKeys.stocks.list() })
        // TanStack Query tells its observers on a later task (notifyManager's setTimeout).
        await new Promise((resolve) => setTimeout(resolve, 50))
      })
      expect(queryClient.getQueryState(queryKeys.stocks.list())?.status).toBe('error')
      expect(symbols()).toEqual(['AAPL', 'JPM', 'MSFT'])
      expect(screen.queryByText('Could not load the market.')).not.toBeInTheDocument()

      cleanup()
      const empty = createTestQueryClient()
      renderWithProviders(<MarketPage />, { queryClient: empty })
      expect(await screen.findByText('Could not load the market.')).toBeInTheDocument()
    } finally {
      fetchSpy.mockRestore()
    }
  })

  it('searches by symbol or name after a short pause, and filters by sector', async () => {
    const user = userEvent.setup()
    renderMarket()
    await user.type(screen.getByRole('searchbox', { name: 'Search stocks' }), 'micro')
    expect(await screen.findByRole('link', { name: 'MSFT' })).toBeInTheDocument()
    await vi.waitFor(() => expect(symbols()).toEqual(['MSFT']))
    await user.clear(screen.getByRole('searchbox', { name: 'Search stocks' }))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sector' }), 'Financials')
    await vi.waitFor(() => expect(symbols()).toEqual(['JPM']))
    await user.type(screen.getByRole('searchbox', { name: 'Search stocks' }), 'zzz')
    expect(await screen.findByText('No stocks match')).toBeInTheDocument()
    // "All sectors" is suggested only while a sector filter is on
    expect(
      screen.getByText('Try another symbol or name, or choose “All sectors”.'),
    ).toBeInTheDocument()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sector' }), 'All sectors')
    expect(await screen.findByText('Try another symbol or name.')).toBeInTheDocument()
    expect(screen.queryByText(/All sectors”/)).not.toBeInTheDocument()
    // One click back to the whole list, with the keyboard left in the search.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sector' }), 'Financials')
    await user.click(screen.getByRole('button', { name: 'Show all stocks' }))
    await vi.waitFor(() => expect(symbols()).toEqual(['AAPL', 'JPM', 'MSFT']))
    expect(screen.getByRole('searchbox', { name: 'Search stocks' })).toHaveValue('')
    expect(screen.getByRole('searchbox', { name: 'Search stocks' })).toHaveFocus()
    expect(screen.getByRole('combobox', { name: 'Sector' })).toHaveValue('')
  })

  it('mentions the "/" shortcut only where a keyboard is likely, not on a phone', () => {
    const keyboardQuery = '(hover: hover) and (pointer: fine) and (min-width: 40rem)'
    const matchMedia = vi.spyOn(window, 'matchMedia')
    for (const [desktop, placeholder] of [
      [true, 'Symbol or name (press /)'],
      [false, 'Symbol or name'],
    ] as const) {
      matchMedia.mockImplementation(
        (query) =>
          ({
            matches: desktop && query === keyboardQuery,
            media: query,
            addEventListener: () => {},
            removeEventListener: () => {},
          }) as unknown as MediaQueryList,
      )
      renderMarket()
      expect(screen.getByRole('searchbox', { name: 'Search stocks' })).toHaveAttribute(
        'placeholder',
        placeholder,
      )
      cleanup()
    }
    matchMedia.mockRestore()
  })

  it('jumps to the search on "/", except while typing in a field', async () => {
    const user = userEvent.setup()
    renderMarket()
    const search = screen.getByRole('searchbox', { name: 'Search stocks' })
    expect(search).toHaveAttribute('aria-keyshortcuts', '/')
    await user.keyboard('/')
    expect(search).toHaveFocus()
    // typed into the search, "/" is just a character
    await user.keyboard('a/b')
    expect(search).toHaveValue('a/b')
    await user.click(screen.getByRole('combobox', { name: 'Sector' }))
    await user.keyboard('/')
    expect(screen.getByRole('combobox', { name: 'Sector' })).toHaveFocus()
  })

  it('sorts by any column and says so with aria-sort', async () => {
    const user = userEvent.setup()
    renderMarket()
    const priceHeader = screen.getByRole('columnheader', { name: /Price/ })
    expect(priceHeader).toHaveAttribute('aria-sort', 'none')
    await user.click(within(priceHeader).getByRole('button'))
    expect(priceHeader).toHaveAttribute('aria-sort', 'descending')
    expect(symbols()).toEqual(['AAPL', 'MSFT', 'JPM'])
    await user.click(within(priceHeader).getByRole('button'))
    expect(priceHeader).toHaveAttribute('aria-sort', 'ascending')
    expect(symbols()).toEqual(['JPM', 'MSFT', 'AAPL'])
    await user.click(within(screen.getByRole('columnheader', { name: /Name/ })).getByRole('button'))
    expect(symbols()).toEqual(['AAPL', 'JPM', 'MSFT'])
  })

  it('opens with the sector and sort the URL asks for', () => {
    renderMarket({ route: '/?sector=Technology&sort=price&dir=asc' })
    expect(symbols()).toEqual(['MSFT', 'AAPL'])
    expect(screen.getByRole('combobox', { name: 'Sector' })).toHaveValue('Technology')
    expect(screen.getByRole('columnheader', { name: /Price/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    )
  })

  it('opens with the URL search, and follows the URL when it changes under the page', async () => {
    const { router } = renderMarket({ route: '/?q=micro' })
    expect(screen.getByRole('searchbox', { name: 'Search stocks' })).toHaveValue('micro')
    expect(symbols()).toEqual(['MSFT'])
    // As the header's Market link does.
    await act(() => router.navigate('/'))
    expect(screen.getByRole('searchbox', { name: 'Search stocks' })).toHaveValue('')
    expect(symbols()).toEqual(['AAPL', 'JPM', 'MSFT'])
    // A search still pending when the URL changes from outside does not write itself back
    // once its pause is over: the URL's search wins, in the field and the list.
    const user = userEvent.setup()
    await user.type(screen.getByRole('searchbox', { name: 'Search stocks' }), 'mi')
    await act(() => router.navigate('/?q=jp'))
    expect(screen.getByRole('searchbox', { name: 'Search stocks' })).toHaveValue('jp')
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)))
    expect(router.state.location.search).toBe('?q=jp')
    expect(screen.getByRole('searchbox', { name: 'Search stocks' })).toHaveValue('jp')
    expect(symbols()).toEqual(['JPM'])
  })

  it('keeps sort, sector and search in the URL, replacing its entry, and clean at the defaults', async () => {
    const user = userEvent.setup()
    const { router } = renderMarket()
    await user.click(
      within(screen.getByRole('columnheader', { name: /Price/ })).getByRole('button'),
    )
    await vi.waitFor(() => expect(router.state.location.search).toBe('?sort=price&dir=desc'))
    expect(router.state.historyAction).toBe('REPLACE')
    await vi.waitFor(() => expect(symbols()).toEqual(['AAPL', 'MSFT', 'JPM']))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sector' }), 'Technology')
    await vi.waitFor(() =>
      expect(router.state.location.search).toBe('?sector=Technology&sort=price&dir=desc'),
    )
    await vi.waitFor(() => expect(symbols()).toEqual(['AAPL', 'MSFT']))
    await user.type(screen.getByRole('searchbox', { name: 'Search stocks' }), 'micro')
    await vi.waitFor(() =>
      expect(router.state.location.search).toBe('?q=micro&sector=Technology&sort=price&dir=desc'),
    )
    await vi.waitFor(() => expect(symbols()).toEqual(['MSFT']))
    expect(router.state.historyAction).toBe('REPLACE')

    await user.clear(screen.getByRole('searchbox', { name: 'Search stocks' }))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sector' }), 'All sectors')
    await user.click(
      within(screen.getByRole('columnheader', { name: /Symbol/ })).getByRole('button'),
    )
    await vi.waitFor(() => expect(router.state.location.search).toBe(''))
    await vi.waitFor(() => expect(symbols()).toEqual(['AAPL', 'JPM', 'MSFT']))
  })

  it('shows the same list again on Back from a stock', async () => {
    const user = userEvent.setup()
    const { router } = renderMarket({ route: '/?q=o' })
    await user.click(
      within(screen.getByRole('columnheader', { name: /Price/ })).getByRole('button'),
    )
    await vi.waitFor(() => expect(symbols()).toEqual(['MSFT', 'JPM']))
    await user.click(screen.getByRole('link', { name: 'JPM' }))
    expect(await screen.findByText('Navigated away')).toBeInTheDocument()
    // and the stock page's "Market" link leads back to this view too
    expect(marketUrl()).toBe('/?q=o&sort=price&dir=desc')
    await act(() => router.navigate(-1))
    expect(symbols()).toEqual(['MSFT', 'JPM'])
    expect(screen.getByRole('searchbox', { name: 'Search stocks' })).toHaveValue('o')
    expect(screen.getByRole('columnheader', { name: /Price/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    )
  })

  it('falls back to the defaults for a sort, direction or sector it does not know', () => {
    renderMarket({ route: '/?sort=bogus&dir=sideways&sector=Nope' })
    expect(symbols()).toEqual(['AAPL', 'JPM', 'MSFT'])
    expect(screen.getByRole('combobox', { name: 'Sector' })).toHaveValue('')
    expect(screen.getByRole('columnheader', { name: /Symbol/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    )
    expect(screen.queryByText('No stocks match')).not.toBeInTheDocument()
  })

  it('sorts a known column in its first direction when the URL has a bad one', () => {
    renderMarket({ route: '/?sort=price&dir=up' })
    expect(symbols()).toEqual(['AAPL', 'MSFT', 'JPM'])
    expect(screen.getByRole('columnheader', { name: /Price/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    )
  })

  it('updates a row on a tick and flashes the direction of the move', () => {
    const { tick } = renderMarket()
    tick({
      ts: Date.now() + 1000,
      quotes: [
        { symbol: 'JPM', price: 95, previous_close: 100, day_high: 95, day_low: 90, volume: 5 },
      ],
    })
    const row = screen.getByRole('link', { name: 'JPM' }).closest('tr')!
    expect(within(row).getByText('$95.00')).toHaveAttribute('data-flash', 'up')
    expect(within(row).getByText('-5.00%')).toHaveClass('text-down')
  })

  it('writes a tick into the cells without re-rendering anything', () => {
    let commits = 0
    const { tick } = renderMarket({ onCommit: () => void commits++ })
    const row = screen.getByRole('link', { name: 'AAPL' }).closest('tr')!
    const before = commits
    tick({
      ts: Date.now() + 1000,
      quotes: [
        {
          symbol: 'AAPL',
          price: 99,
          previous_close: 100,
          day_high: 110,
          day_low: 99,
          volume: 2500,
        },
        { symbol: 'MSFT', price: 102, previous_close: 100, day_high: 102, day_low: 99, volume: 7 },
      ],
    })
    expect(commits).toBe(before)
    expect(within(row).getByText('$99.00')).toHaveAttribute('data-flash', 'down')
    expect(within(row).getByText('-$1.00')).toHaveClass('text-down')
    expect(within(row).getByText('-1.00%')).toHaveClass('text-down')
    expect(within(row).getByText('2.50K')).toBeInTheDocument()
  })
})
