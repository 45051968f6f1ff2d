import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react'
import type { ConnectionState, PriceStore, QuoteState } from './price-store'
import { priceStore } from './prices'

let started = false

function ensureStarted(store: PriceStore) {
  if (store === priceStore && !started) {
    started = true
    store.start()
  }
}

const noop = () => {}

/**
 * Live quote of one symbol; re-renders only when that symbol's values change. With `paused`
 * (e.g. a table row scrolled out of view) it keeps the last value and stops listening.
 */
export function useQuote(
  symbol: string,
  { paused = false, store = priceStore }: { paused?: boolean; store?: PriceStore } = {},
): QuoteState | undefined {
  useEffect(() => ensureStarted(store), [store])
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

/** Every quote; re-renders on each tick that changes anything (for totals, not for rows). */
export function useQuotes(store: PriceStore = priceStore): ReadonlyMap<string, QuoteState> {
  useEffect(() => ensureStarted(store), [store])
  return useSyncExternalStore(store.subscribeAll, store.getQuotes)
}

/** Realtime connection status, polling fallback and staleness. */
export function useConnection(store: PriceStore = priceStore): ConnectionState {
  useEffect(() => ensureStarted(store), [store])
  return useSyncExternalStore(store.subscribeConnection, store.getConnection)
}
