import { useCallback, useEffect, useSyncExternalStore } from 'react'
import type { ConnectionState, PriceStore, QuoteState } from './price-store'
import { priceStore } from './prices'

let started = false

function ensureStarted(store: PriceStore) {
  if (store === priceStore && !started) {
    started = true
    store.start()
  }
}

/** Live quote of one symbol; re-renders only when that symbol's values change. */
export function useQuote(symbol: string, store: PriceStore = priceStore): QuoteState | undefined {
  useEffect(() => ensureStarted(store), [store])
  const subscribe = useCallback(
    (listener: () => void) => store.subscribeSymbol(symbol, listener),
    [store, symbol],
  )
  return useSyncExternalStore(subscribe, () => store.getQuote(symbol))
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
