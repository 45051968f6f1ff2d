import { act, render, screen } from '@testing-library/react'
import { createPriceStore } from '@/lib/price-store'
import type { ChannelStatus, MarketTransport } from '@/lib/price-store'
import { PriceStoreContext } from '@/lib/price-store-context'
import { formatTime } from '@/lib/format'
import { ConnectionIndicator, PollingBanner } from './connection-indicator'

describe('connection indicator and polling notice', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-01-05T15:04:00Z'))
  })
  afterEach(() => vi.useRealTimers())

  it('says polling while polls answer, and from when the prices are once they cannot', async () => {
    let reachable = true
    let onStatus: (status: ChannelStatus) => void = () => {}
    const transport: MarketTransport = {
      subscribe: (handlers) => {
        onStatus = handlers.onStatus
        return () => {}
      },
      fetchSnapshot: async () => {
        if (!reachable) throw new TypeError('Failed to fetch')
        return [
          {
            symbol: 'AAPL',
            price: 190,
            previous_close: 189,
            day_high: 191,
            day_low: 188,
            volume: 1,
            updated_at: new Date().toISOString(),
          },
        ]
      },
    }
    const store = createPriceStore(transport, { fallbackAfterMs: 10_000, pollEveryMs: 3_000 })
    render(
      <PriceStoreContext value={store}>
        <ConnectionIndicator />
        <PollingBanner />
      </PriceStoreContext>,
    )
    const lastGood = Date.now()
    await act(async () => {
      onStatus('SUBSCRIBED')
      await vi.advanceTimersByTimeAsync(0)
    })
    expect(screen.getByRole('status')).toHaveTextContent(/^Live$/)

    // Realtime drops but the server still answers: prices come from polling.
    await act(async () => {
      onStatus('CHANNEL_ERROR')
      await vi.advanceTimersByTimeAsync(10_000)
    })
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting· polling')
    expect(screen.getByText(/^Live updates are interrupted\./)).toBeInTheDocument()

    // Then nothing answers: no "polling" that brings nothing, and the prices' time is given.
    reachable = false
    await act(() => vi.advanceTimersByTimeAsync(3_000))
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting· prices paused')
    expect(
      screen.getByText(
        `The server cannot be reached. Prices shown are from ${formatTime(lastGood)}; they update again as soon as the connection is back.`,
      ),
    ).toBeInTheDocument()

    reachable = true
    await act(async () => {
      onStatus('SUBSCRIBED')
      await vi.advanceTimersByTimeAsync(0)
    })
    expect(screen.getByRole('status')).toHaveTextContent(/^Live$/)
    expect(screen.queryByText(/cannot be reached|Live updates are/)).not.toBeInTheDocument()
    store.stop()
  })
})
