import { act, render, screen } from '@testing-library/react'
import { createPriceStore } from './price-store'
import type { ChannelStatus, MarketTransport, Quote, TickPayload } from './price-store'
import { PriceStoreContext } from './price-store-context'
import type { QuoteState } from './price-store'
import { useConnection, useQuote, useQuoteEffect } from './use-quote'

function setup() {
  let handlers: { onTick: (p: TickPayload) => void; onStatus: (s: ChannelStatus) => void }
  const transport: MarketTransport = {
    subscribe: (h) => {
      handlers = h
      return () => {}
    },
    fetchSnapshot: async () => [],
  }
  const store = createPriceStore(transport)
  const renders: Record<string, number> = {}
  function Row({ symbol, paused = false }: { symbol: string; paused?: boolean }) {
    const quote = useQuote(symbol, { paused })
    renders[symbol] = (renders[symbol] ?? 0) + 1
    return <p data-testid={symbol}>{quote ? quote.price : 'none'}</p>
  }
  function Status() {
    return <p data-testid="status">{useConnection().status}</p>
  }
  const tick = (quotes: Quote[]) => act(() => handlers.onTick({ ts: Date.now(), quotes }))
  return {
    store,
    renders,
    Row,
    Status,
    tick,
    status: (s: ChannelStatus) => act(() => handlers.onStatus(s)),
  }
}

const q = (symbol: string, price: number): Quote => ({
  symbol,
  price,
  previous_close: 1,
  day_high: price,
  day_low: price,
  volume: 1,
})

describe('useQuote', () => {
  it('re-renders only the rows whose quote changed', () => {
    const { store, renders, Row, Status, tick, status } = setup()
    render(
      <PriceStoreContext value={store}>
        <Row symbol="AAPL" />
        <Row symbol="MSFT" />
        <Status />
      </PriceStoreContext>,
    )
    expect(screen.getByTestId('status')).toHaveTextContent('connecting')
    status('SUBSCRIBED')
    expect(screen.getByTestId('status')).toHaveTextContent('live')

    tick([q('AAPL', 10), q('MSFT', 20)])
    expect(screen.getByTestId('AAPL')).toHaveTextContent('10')
    const before = { ...renders }
    tick([q('AAPL', 11), q('MSFT', 20)])
    expect(screen.getByTestId('AAPL')).toHaveTextContent('11')
    expect(renders.AAPL).toBe(before.AAPL + 1)
    expect(renders.MSFT).toBe(before.MSFT)
    store.stop()
  })

  it('keeps the last value while paused and catches up when resumed', () => {
    const { store, Row, tick } = setup()
    const { rerender } = render(
      <PriceStoreContext value={store}>
        <Row symbol="AAPL" />
      </PriceStoreContext>,
    )
    tick([q('AAPL', 10)])
    rerender(
      <PriceStoreContext value={store}>
        <Row symbol="AAPL" paused />
      </PriceStoreContext>,
    )
    tick([q('AAPL', 12)])
    expect(screen.getByTestId('AAPL')).toHaveTextContent('10')
    rerender(
      <PriceStoreContext value={store}>
        <Row symbol="AAPL" />
      </PriceStoreContext>,
    )
    expect(screen.getByTestId('AAPL')).toHaveTextContent('12')
    store.stop()
  })

  it('useQuoteEffect hands changes to a callback without re-rendering, and catches up on resume', () => {
    const { store, tick } = setup()
    let renders = 0
    const calls: Array<[number, number | undefined]> = []
    const onChange = (quote: QuoteState, previous: QuoteState | undefined) =>
      void calls.push([quote.price, previous?.price])
    function Cell({ paused = false }: { paused?: boolean }) {
      renders++
      const quote = useQuoteEffect('AAPL', onChange, { paused })
      return <p data-testid="cell">{quote?.price ?? 'none'}</p>
    }
    const ui = (paused: boolean) => (
      <PriceStoreContext value={store}>
        <Cell paused={paused} />
      </PriceStoreContext>
    )
    const { rerender } = render(ui(false))
    expect(screen.getByTestId('cell')).toHaveTextContent('none')
    tick([q('AAPL', 10)])
    expect(calls).toEqual([[10, undefined]])

    tick([q('AAPL', 11)])
    tick([q('AAPL', 12)])
    expect(calls.slice(1)).toEqual([
      [11, 10],
      [12, 11],
    ])
    expect(renders).toBe(1)

    rerender(ui(true))
    tick([q('AAPL', 13)])
    expect(calls).toHaveLength(3)
    rerender(ui(false))
    // Resumed: the latest quote, with no previous (nothing moved "just now").
    expect(calls.at(-1)).toEqual([13, undefined])
    tick([q('AAPL', 14)])
    expect(calls.at(-1)).toEqual([14, 13])
    store.stop()
  })
})
