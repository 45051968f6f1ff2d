import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { User } from '@supabase/supabase-js'
import { Toaster } from '@/components/ui/toaster'
import { getProfile } from '@/lib/api/get-profile'
import { loadSupabase } from '@/lib/load-supabase'
import { createPriceStore } from '@/lib/price-store'
import type { ChannelStatus, MarketTransport, PriceStore } from '@/lib/price-store'
import { PriceStoreContext } from '@/lib/price-store-context'
import { renderWithProviders } from '@/test/render'
import { ConnectionIndicator } from './connection-indicator'
import { PROFILE_RETRY_MS, UserMenu } from './user-menu'

// The client chunk failing to load is what these tests need; the profile is only the name shown.
vi.mock('@/lib/load-supabase', () => ({ loadSupabase: vi.fn() }))
vi.mock('@/lib/api/get-profile', () => ({
  getProfile: vi.fn(() => Promise.resolve({ display_name: 'Ada' })),
}))

const user = { id: 'u1', email: 'ada@example.com', is_anonymous: false, user_metadata: {} }

function renderMenu(store?: PriceStore) {
  const menu = (
    <>
      <UserMenu />
      <Toaster />
    </>
  )
  return renderWithProviders(
    store ? (
      <PriceStoreContext value={store}>
        <ConnectionIndicator />
        {menu}
      </PriceStoreContext>
    ) : (
      menu
    ),
    {
      path: '/portfolio',
      route: '/portfolio',
      session: { status: 'signed-in', session: { user } as never, user: user as User },
    },
  )
}

const stores: PriceStore[] = []

describe('UserMenu', () => {
  afterEach(() => {
    for (const store of stores.splice(0)) store.stop()
  })

  it('returns the focus to the toggle when Escape closes the menu', async () => {
    const keyboard = userEvent.setup()
    renderMenu()
    const toggle = screen.getByRole('button', { name: /account menu/ })
    await keyboard.click(toggle)
    await keyboard.tab()
    expect(screen.getByRole('link', { name: 'Account' })).toHaveFocus()
    await keyboard.keyboard('{Escape}')
    expect(screen.queryByRole('link', { name: 'Account' })).not.toBeInTheDocument()
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(toggle).toHaveFocus()
  })

  it('says so and lets Sign out be pressed again when the client cannot be loaded', async () => {
    vi.mocked(loadSupabase).mockRejectedValue(new TypeError('Failed to fetch module'))
    const pointer = userEvent.setup()
    const { router } = renderMenu()
    await pointer.click(screen.getByRole('button', { name: /account menu/ }))
    await pointer.click(screen.getByRole('button', { name: 'Sign out' }))
    expect(await screen.findByText('Could not sign out')).toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign out' })).toBeEnabled())
    expect(router.state.location.pathname).toBe('/portfolio')
    await pointer.click(screen.getByRole('button', { name: 'Sign out' }))
    expect(loadSupabase).toHaveBeenCalledTimes(2)
  })

  it('shows the display name again once the server answers after an outage, without a reload', async () => {
    // The server is down as the page loads: the profile read fails (retries are off here).
    vi.mocked(getProfile).mockClear()
    vi.mocked(getProfile).mockRejectedValueOnce({
      message: 'TypeError: Failed to fetch',
      code: '',
    })
    let reachable = false
    let onStatus: (status: ChannelStatus) => void = () => {}
    const transport: MarketTransport = {
      subscribe: (handlers) => {
        onStatus = handlers.onStatus
        return () => {}
      },
      fetchSnapshot: async () => {
        if (!reachable) throw new TypeError('Failed to fetch')
        return []
      },
    }
    // It reads again by itself 50 ms after a failed read, until one answers.
    const store = createPriceStore(transport, { pollEveryMs: 50 })
    stores.push(store)
    renderMenu(store)
    act(() => onStatus('SUBSCRIBED'))
    const status = screen.getByTestId('connection-status')
    await waitFor(() => expect(status).toHaveTextContent('Server unreachable'))
    const toggle = screen.getByRole('button', { name: /account menu/ })
    await waitFor(() => expect(toggle).toHaveTextContent('ada@example.com'))

    reachable = true
    await waitFor(() => expect(status).toHaveTextContent(/^Live$/))
    await waitFor(() => expect(toggle).toHaveTextContent(/^Ada/))
    expect(getProfile).toHaveBeenCalledTimes(2)
  })

  it('shows the display name again after its read failed while the price feed stayed up', async () => {
    vi.useFakeTimers()
    try {
      // Only the profile read fails (a 503 for that one request): prices keep coming.
      vi.mocked(getProfile).mockClear()
      vi.mocked(getProfile).mockRejectedValueOnce({ message: 'Service Unavailable', code: '' })
      let onStatus: (status: ChannelStatus) => void = () => {}
      const store = createPriceStore({
        subscribe: (handlers) => {
          onStatus = handlers.onStatus
          return () => {}
        },
        fetchSnapshot: async () => [],
      })
      stores.push(store)
      renderMenu(store)
      await act(async () => {
        onStatus('SUBSCRIBED')
        // TanStack Query tells its observers on a later task (notifyManager's setTimeout).
        await vi.advanceTimersByTimeAsync(0)
      })
      expect(screen.getByTestId('connection-status')).toHaveTextContent(/^Live$/)
      const toggle = screen.getByRole('button', { name: /account menu/ })
      expect(toggle).toHaveTextContent('ada@example.com')
      expect(getProfile).toHaveBeenCalledTimes(1)

      // The price store never saw an outage, so nothing but the query itself asks again.
      await act(async () => {
        await vi.advanceTimersByTimeAsync(PROFILE_RETRY_MS)
        // The read starts by importing its module, which settles outside the fake clock.
        await vi.dynamicImportSettled()
        // TanStack Query tells its observers on a later task (notifyManager's setTimeout).
        await vi.advanceTimersByTimeAsync(50)
      })
      expect(toggle).toHaveTextContent(/^Ada/)
      expect(getProfile).toHaveBeenCalledTimes(2)

      // Once it answered, it is not read again on a timer.
      await act(() => vi.advanceTimersByTimeAsync(PROFILE_RETRY_MS * 4))
      expect(getProfile).toHaveBeenCalledTimes(2)
    } finally {
      vi.useRealTimers()
    }
  })
})
