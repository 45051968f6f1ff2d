import { act, cleanup, render, screen, within } from '@testing-library/react'
import { createPriceStore } from '@/lib/price-store'
import type { ChannelStatus, MarketTransport, PriceStore } from '@/lib/price-store'
import { PriceStoreContext } from '@/lib/price-store-context'
import { formatTime } from '@/lib/format'
import { ConnectionIndicator, PollingBanner } from './connection-indicator'

const stores: PriceStore[] = []

/** A store stopped after the test, passed or failed, so no timer or listener outlives it. */
function createStore(transport: MarketTransport) {
  const store = createPriceStore(transport, { fallbackAfterMs: 10_000, pollEveryMs: 3_000 })
  stores.push(store)
  return store
}

describe('connection indicator and polling notice', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-01-05T15:04:00Z'))
  })
  afterEach(() => {
    for (const store of stores.splice(0)) store.stop()
    // Unmounted here too, so that a failing check below does not leave this test's DOM behind.
    cleanup()
    // Stopped, a store leaves no timer behind (its stale check, fallback, polls, recheck).
    const leftOver = vi.getTimerCount()
    vi.restoreAllMocks()
    vi.useRealTimers()
    expect(leftOver).toBe(0)
  })

  it('says polling while polls answer, and from when the prices are once they cannot', async () => {
    const { fake } = await renderSubscribed({ banner: true })
    const lastGood = Date.now()
    expect(screen.getByRole('status')).toHaveTextContent(/^Live$/)

    // Realtime drops but the server still answers: prices come from polling.
    await act(async () => {
      fake.status('CHANNEL_ERROR')
      await vi.advanceTimersByTimeAsync(10_000)
    })
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting· polling')
    expect(screen.getByText(/^Live updates are interrupted\./)).toBeInTheDocument()

    // Then nothing answers: no "polling" that brings nothing, and the prices' time is given.
    fake.reachable = false
    await act(() => vi.advanceTimersByTimeAsync(3_000))
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting· prices paused')
    expect(
      screen.getByText(
        `The server cannot be reached. Prices shown are from ${formatTime(lastGood)}; they update again as soon as the connection is back.`,
      ),
    ).toBeInTheDocument()

    fake.reachable = true
    await subscribed(fake)
    expect(screen.getByRole('status')).toHaveTextContent(/^Live$/)
    expect(screen.queryByText(/cannot be reached|Live updates are/)).not.toBeInTheDocument()
  })

  it('says offline and prices paused, with the prices marked stale, as soon as the browser is offline', async () => {
    const { fake } = await renderSubscribed({ banner: true })
    const lastGood = Date.now()
    await act(() => vi.advanceTimersByTimeAsync(2_000))

    fake.reachable = false
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    act(() => void window.dispatchEvent(new Event('offline')))
    const indicator = screen.getByRole('status')
    expect(indicator).toHaveTextContent('Offline· prices paused')
    expect(indicator).toHaveAttribute('data-stale', 'true')
    const notice = `You are offline. Prices shown are from ${formatTime(lastGood)}; they update again as soon as the connection is back.`
    expect(screen.getByText(notice)).toBeInTheDocument()

    // Polling cannot happen offline: never a notice that prices refresh every few seconds.
    for (let second = 0; second < 15; second++) {
      await act(() => vi.advanceTimersByTimeAsync(1_000))
      expect(screen.queryByText(/every few seconds/)).not.toBeInTheDocument()
      expect(screen.getByText(notice)).toBeInTheDocument()
      expect(indicator).toHaveAttribute('data-stale', 'true')
    }

    onLine.mockRestore()
    fake.reachable = true
    await subscribed(fake, { online: true })
    expect(indicator).toHaveTextContent(/^Live$/)
    expect(screen.queryByText(/offline/)).not.toBeInTheDocument()
  })

  it('keeps the offline notice when a read answers while the browser still says offline', async () => {
    const { fake, store } = await renderSubscribed({ banner: true })
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    act(() => void window.dispatchEvent(new Event('offline')))
    // A page's failed read asks the store to check, and the read answers (from a local server).
    await act(() => store.refreshSnapshot())
    const indicator = screen.getByRole('status')
    expect(indicator).toHaveTextContent('Offline· prices paused')
    const notice = `You are offline. Prices shown are from ${formatTime(Date.now())}; they update again as soon as the connection is back.`
    expect(screen.getByText(notice)).toBeInTheDocument()

    vi.restoreAllMocks()
    await subscribed(fake, { online: true })
    expect(indicator).toHaveTextContent(/^Live$/)
    expect(screen.queryByText(/offline/)).not.toBeInTheDocument()
  })

  it('does not say Live while reads of the server fail, even with Realtime ticks arriving', async () => {
    const { fake, store } = await renderSubscribed({ banner: false })
    const indicator = screen.getByRole('status')
    expect(indicator).toHaveTextContent(/^Live$/)

    // The REST API goes down (a page's query failed and asked the store to check).
    fake.reachable = false
    await act(() => store.refreshSnapshot())
    expect(indicator).toHaveTextContent('Server unreachable')
    await act(async () => {
      fake.tick()
      await vi.advanceTimersByTimeAsync(1_000)
    })
    expect(indicator).toHaveTextContent('Server unreachable')

    // It checks again by itself and says Live once a read answers.
    fake.reachable = true
    await act(() => vi.advanceTimersByTimeAsync(3_000))
    expect(indicator).toHaveTextContent(/^Live$/)
  })
  it('fits one short word on a phone and still reads out the whole status', async () => {
    const { fake, store } = await renderSubscribed({ banner: false })
    const indicator = screen.getByRole('status')
    fake.reachable = false
    await act(() => store.refreshSnapshot())
    // "Server unreachable" wrapped onto two lines at 375 px; the word is capitalized by CSS.
    expect(smallScreenText(indicator)).toBe('unreachable')
    expect(within(indicator).getByText('unreachable')).toHaveClass('max-sm:capitalize')
    expect(indicator).toHaveTextContent(/^Server unreachable$/)
    expect(indicator.querySelector('.hidden')).toBeNull()

    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    act(() => void window.dispatchEvent(new Event('offline')))
    expect(smallScreenText(indicator)).toBe('Offline')
    expect(indicator).toHaveTextContent(/^Offline· prices paused$/)
    expect(indicator.querySelector('.hidden')).toBeNull()
  })
})

/** The indicator (and the polling notice) over a store whose channel has subscribed: Live. */
async function renderSubscribed({ banner }: { banner: boolean }) {
  const fake = fakeTransport()
  const store = createStore(fake.transport)
  render(
    <PriceStoreContext value={store}>
      <ConnectionIndicator />
      {banner && <PollingBanner />}
    </PriceStoreContext>,
  )
  await subscribed(fake)
  return { fake, store }
}

/** The channel (re)subscribes, after the browser says it is back online if `online`. */
async function subscribed(fake: ReturnType<typeof fakeTransport>, { online = false } = {}) {
  await act(async () => {
    if (online) window.dispatchEvent(new Event('online'))
    fake.status('SUBSCRIBED')
    await vi.advanceTimersByTimeAsync(0)
  })
}

/**
 * What a phone shows of the indicator (jsdom applies no CSS): its text less what is hidden or
 * sr-only below the sm breakpoint. Text hidden with `hidden` is not read out either.
 */
function smallScreenText(indicator: HTMLElement) {
  const copy = indicator.cloneNode(true) as HTMLElement
  const hidden = '.sr-only, .hidden, [class~="max-sm:sr-only"], [class~="max-sm:hidden"]'
  for (const element of copy.querySelectorAll(hidden)) element.remove()
  return copy.textContent
}

/** A transport the test drives: Realtime statuses and ticks, and whether reads get through. */
function fakeTransport() {
  let handlers: Parameters<MarketTransport['subscribe']>[0] | null = null
  const fake = {
    reachable: true,
    status: (status: ChannelStatus) => handlers!.onStatus(status),
    tick: () => handlers!.onTick({ ts: Date.now(), quotes: [row()] }),
    transport: {
      subscribe: (next) => {
        handlers = next
        return () => {}
      },
      fetchSnapshot: async () => {
        if (!fake.reachable) throw new TypeError('Failed to fetch')
        return [{ ...row(), updated_at: new Date().toISOString() }]
      },
    } satisfies MarketTransport as MarketTransport,
  }
  return fake
}

function row() {
  return { symbol: 'AAPL', price: 190, previous_close: 189, day_high: 191, day_low: 188, volume: 1 }
}
