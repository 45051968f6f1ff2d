import {
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useSyncExternalStore,
} from 'react'
import type { ConnectionState, PriceStore, QuoteState } from './price-store'
import { PriceStoreContext } from './price-store-context'

const startedStores = new WeakSet<PriceStore>()

/** The store connects on first use by any component, once per page. */
function useStartedStore(): PriceStore {
  const store = useContext(PriceStoreContext)
  useEffect(() => {
    if (startedStores.has(store)) return
    startedStores.add(store)
    store.start()
  }, [store])
  return store
}

const noop = () => {}

/**
 * Live quote of one symbol; re-renders only when that symbol's values change. With `paused`
 * (e.g. a table row scrolled out of view) it keeps the last value and stops listening.
 */
export function useQuote(
  symbol: string,
  { paused = false }: { paused?: boolean } = {},
): QuoteState | undefined {
  const store = useStartedStore()
  const last = useRef<QuoteState | undefined>(undefined)
  const subscribe = useCallback(
    (listener: () => void) => (paused ? noop : store.subscribeSymbol(symbol, listener)),
    [store, symbol, paused],
  )
  const getSnapshot = useCallback(() => {
    if (!paused || last.current?.symbol !== symbol) last.current = store.getQuote(symbol)
    return last.current
  }, [store, symbol, paused])
  return useSyncExternalStore(subscribe, getSnapshot)
}

/**
 * Live quote of one symbol for components that write it into the DOM themselves instead of
 * re-rendering (the market table: hundreds of rows at 1 Hz, where a React render per row and
 * tick cost more than the rest of the tick together). Returns the quote as of this render, for
 * the initial markup; after that `onChange(quote, previous)` gets every change. `previous` is
 * the quote handed over before, or undefined when catching up after a pause (or a new symbol),
 * where nothing "just" moved. With `paused` it stops listening.
 */
export function useQuoteEffect(
  symbol: string,
  onChange: (quote: QuoteState, previous: QuoteState | undefined) => void,
  { paused = false }: { paused?: boolean } = {},
): QuoteState | undefined {
  const store = useStartedStore()
  const quote = store.getQuote(symbol)
  const callback = useRef(onChange)
  const shown = useRef(quote)
  useLayoutEffect(() => {
    callback.current = onChange
    shown.current = quote
  })
  useEffect(() => {
    if (paused) return
    const deliver = (previous: QuoteState | undefined) => {
      const next = store.getQuote(symbol)
      if (!next) return
      shown.current = next
      callback.current(next, previous)
    }
    // Ticks while paused (or between the render and this effect) were not written: catch up.
    deliver(undefined)
    return store.subscribeSymbol(symbol, () => deliver(shown.current))
  }, [store, symbol, paused])
  return quote
}

/** Every quote; re-renders on each tick that changes anything (for totals, not for rows). */
export function useQuotes(): ReadonlyMap<string, QuoteState> {
  const store = useStartedStore()
  return useSyncExternalStore(store.subscribeAll, store.getQuotes)
}

/** Realtime connection status, polling fallback and staleness. */
export function useConnection(): ConnectionState {
  const store = useStartedStore()
  return useSyncExternalStore(store.subscribeConnection, store.getConnection)
}

/** The store itself, for reading a snapshot outside render subscriptions (e.g. sorting). */
export function usePriceStore(): PriceStore {
  return useContext(PriceStoreContext)
}
