/**
 * Live prices for the whole app: ONE subscription to the `market` broadcast feeding an external
 * store with per-symbol listeners, so a tick re-renders only the components whose quote changed
 * (React reads it through useSyncExternalStore, see use-quote.ts). No React in this file.
 */

export type Quote = {
  symbol: string
  price: number
  previous_close: number
  day_high: number
  day_low: number
  volume: number
}

export type QuoteState = Quote & {
  /** Price before the latest change, for the up/down flash; null until it has moved once. */
  previousPrice: number | null
  direction: 'up' | 'down' | 'flat'
  /** Increments whenever the price changes; a component keys its flash animation on it. */
  changeSeq: number
  /** Server time of the data (ms since epoch). */
  asOf: number
}

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline'

export type ConnectionState = {
  status: ConnectionStatus
  /** Realtime has been down for a while and prices come from polling `stocks`. */
  polling: boolean
  /**
   * No price update for longer than STALE_AFTER_MS, or none can come: the browser is offline,
   * or Realtime is down and the server cannot be read either.
   */
  stale: boolean
  /**
   * The browser is offline or the last read of the server failed (a Realtime tick does not
   * clear it: the app's other reads go to the same REST API). Then the time (ms since epoch)
   * the prices shown are from, if known.
   */
  unreachable: boolean
  pricesFrom: number | null
}

export type TickPayload = { ts: string | number; quotes: Quote[] }
export type SnapshotRow = Quote & { updated_at?: string | null }
export type ChannelStatus = 'SUBSCRIBED' | 'CHANNEL_ERROR' | 'TIMED_OUT' | 'CLOSED'

/** How the store reaches the server; the supabase implementation is in market-transport.ts. */
export type MarketTransport = {
  subscribe(handlers: {
    onTick: (payload: TickPayload) => void
    onStatus: (status: ChannelStatus) => void
  }): () => void
  fetchSnapshot(): Promise<SnapshotRow[]>
  /** Ask the socket to reconnect now (after the browser comes back online). */
  reconnect?(): void
  /** Whether the channel is still joined (a short offline spell may not drop the socket). */
  isJoined?(): boolean
}

export type PriceStoreOptions = {
  fallbackAfterMs?: number
  pollEveryMs?: number
  staleAfterMs?: number
  onError?: (error: unknown) => void
}

export const FALLBACK_AFTER_MS = 10_000
export const POLL_EVERY_MS = 3_000
export const STALE_AFTER_MS = 10_000
/**
 * How far ahead of this browser's clock a quote's time may be. Ticks come on a public channel
 * that any client can also send on; a forged tick dated in the future would otherwise make
 * every real quote look older and freeze the prices it forged until the page reloads.
 */
export const MAX_CLOCK_LEAD_MS = 5_000

type Listener = () => void

function toMillis(ts: string | number | null | undefined, fallback: number): number {
  if (ts === null || ts === undefined) return fallback
  if (typeof ts === 'number') return ts < 1e12 ? ts * 1000 : ts
  const parsed = Date.parse(ts)
  return Number.isNaN(parsed) ? fallback : parsed
}

/** A quote the page can show: a symbol and finite prices above zero (a tick may be forged). */
function isQuote(
  symbol: unknown,
  price: number,
  previousClose: number,
  dayHigh: number,
  dayLow: number,
  volume: number,
): boolean {
  return (
    typeof symbol === 'string' &&
    price > 0 &&
    previousClose > 0 &&
    dayHigh > 0 &&
    dayLow > 0 &&
    volume >= 0 &&
    Number.isFinite(price + previousClose + dayHigh + dayLow + volume)
  )
}

export function createPriceStore(transport: MarketTransport, options: PriceStoreOptions = {}) {
  const fallbackAfterMs = options.fallbackAfterMs ?? FALLBACK_AFTER_MS
  const pollEveryMs = options.pollEveryMs ?? POLL_EVERY_MS
  const staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS

  const quotes = new Map<string, QuoteState>()
  /** Immutable copy of `quotes` for getQuotes(); null when a change made it out of date. */
  let snapshot: ReadonlyMap<string, QuoteState> | null = null
  let connection: ConnectionState = {
    status: 'connecting',
    polling: false,
    stale: false,
    unreachable: false,
    pricesFrom: null,
  }
  // Not part of ConnectionState: it changes every tick and nobody should re-render for it.
  let lastUpdateAt: number | null = null
  const symbolListeners = new Map<string, Set<Listener>>()
  const allListeners = new Set<Listener>()
  const connectionListeners = new Set<Listener>()

  let unsubscribe: (() => void) | null = null
  let fallbackTimer: ReturnType<typeof setTimeout> | null = null
  let pollTimer: ReturnType<typeof setInterval> | null = null
  let staleTimer: ReturnType<typeof setInterval> | null = null
  let recheckTimer: ReturnType<typeof setTimeout> | null = null
  let removeWindowListeners: (() => void) | null = null

  function setConnection(patch: Partial<ConnectionState>) {
    const next = { ...connection, ...patch }
    // Offline, or with neither Realtime nor reads, nothing can update the prices on screen.
    if (next.status === 'offline' || (next.unreachable && next.status !== 'live')) {
      next.stale = true
    }
    if (
      next.status === connection.status &&
      next.polling === connection.polling &&
      next.stale === connection.stale &&
      next.unreachable === connection.unreachable &&
      next.pricesFrom === connection.pricesFrom
    ) {
      return
    }
    connection = next
    for (const listener of connectionListeners) listener()
  }

  /**
   * Applies quotes (with the server time of each) in one batch and notifies only the symbols
   * whose values changed. Returns the count. Work and garbage are per changed quote: the map is
   * updated in place (a tick of 500 quotes used to copy it whole) and the immutable view for
   * getQuotes() is rebuilt only when someone asks for it.
   */
  function apply(incoming: readonly Quote[], asOfOf: (quote: Quote) => number): number {
    const changed: string[] = []
    const latest = Date.now() + MAX_CLOCK_LEAD_MS
    for (const quote of incoming) {
      if (typeof quote !== 'object' || quote === null) continue
      const asOf = Math.min(asOfOf(quote), latest)
      const current = quotes.get(quote.symbol)
      if (current && current.asOf > asOf) continue
      const price = Number(quote.price)
      const previousClose = Number(quote.previous_close)
      const dayHigh = Number(quote.day_high)
      const dayLow = Number(quote.day_low)
      const volume = Number(quote.volume)
      // Checked by hand, not with a schema: this runs for 500 quotes every second.
      if (!isQuote(quote.symbol, price, previousClose, dayHigh, dayLow, volume)) continue
      if (
        current &&
        current.price === price &&
        current.previous_close === previousClose &&
        current.day_high === dayHigh &&
        current.day_low === dayLow &&
        current.volume === volume
      ) {
        continue
      }
      const moved = current !== undefined && current.price !== price
      quotes.set(quote.symbol, {
        symbol: quote.symbol,
        price,
        previous_close: previousClose,
        day_high: dayHigh,
        day_low: dayLow,
        volume,
        previousPrice: moved ? current.price : (current?.previousPrice ?? null),
        direction: moved ? (price > current.price ? 'up' : 'down') : (current?.direction ?? 'flat'),
        changeSeq: moved ? current.changeSeq + 1 : (current?.changeSeq ?? 0),
        asOf,
      })
      changed.push(quote.symbol)
    }
    if (changed.length === 0) return 0
    snapshot = null
    for (const symbol of changed) {
      const listeners = symbolListeners.get(symbol)
      if (listeners) for (const listener of listeners) listener()
    }
    for (const listener of allListeners) listener()
    return changed.length
  }

  function markUpdated() {
    lastUpdateAt = Date.now()
    setConnection({ stale: false })
  }

  function handleTick(payload: TickPayload) {
    if (!payload || !Array.isArray(payload.quotes)) return
    const asOf = toMillis(payload.ts, Date.now())
    apply(payload.quotes, () => asOf)
    markUpdated()
  }

  /** After a failed read outside polling, reads again until one answers, to clear it. */
  function scheduleRecheck() {
    if (recheckTimer || pollTimer || !unsubscribe) return
    recheckTimer = setTimeout(() => {
      recheckTimer = null
      void refreshSnapshot()
    }, pollEveryMs)
  }

  const rowTime = (row: Quote) => toMillis((row as SnapshotRow).updated_at, 0)

  let inFlight: Promise<void> | null = null

  /**
   * Reads every quote once. Calls while a read is on its way share it: a failed page load, the
   * recheck, a poll and a resubscribe arriving together make one request, not one each.
   */
  function refreshSnapshot(): Promise<void> {
    inFlight ??= readSnapshot().finally(() => {
      inFlight = null
    })
    return inFlight
  }

  async function readSnapshot() {
    try {
      const rows = await transport.fetchSnapshot()
      apply(rows, rowTime)
      const newest = rows.reduce((max, row) => Math.max(max, rowTime(row)), 0)
      // An answer means the browser is online, whatever its last 'offline' event said, unless
      // the browser still says offline (the answer came from a cache or a server on this
      // machine): then it stays offline until the browser's 'online' event.
      const stillOffline = connection.status === 'offline' && browserOffline()
      if (!stillOffline) {
        setConnection({
          unreachable: false,
          pricesFrom: null,
          ...(connection.status === 'offline' && { status: 'reconnecting' }),
        })
      }
      // A snapshot counts as fresh data only if the server's prices are recent themselves.
      if (rows.length > 0 && (newest === 0 || Date.now() - newest < staleAfterMs)) markUpdated()
      else if (lastUpdateAt === null && newest > 0) lastUpdateAt = newest
      // The offline notice says from when the prices on screen are: these, if they were newer.
      if (stillOffline && connection.unreachable) setConnection({ pricesFrom: lastUpdateAt })
    } catch (error) {
      // lastUpdateAt does not move while nothing arrives: this does not re-render per poll
      setConnection({ unreachable: true, pricesFrom: lastUpdateAt })
      scheduleRecheck()
      options.onError?.(error)
    }
  }

  function clearFallback() {
    if (fallbackTimer) clearTimeout(fallbackTimer)
    fallbackTimer = null
    if (pollTimer) clearInterval(pollTimer)
    pollTimer = null
  }

  function startFallbackTimer() {
    if (fallbackTimer || pollTimer) return
    fallbackTimer = setTimeout(() => {
      fallbackTimer = null
      setConnection({ polling: true })
      void refreshSnapshot()
      pollTimer = setInterval(() => void refreshSnapshot(), pollEveryMs)
    }, fallbackAfterMs)
  }

  function handleStatus(status: ChannelStatus) {
    if (status === 'SUBSCRIBED') {
      clearFallback()
      setConnection({ status: 'live', polling: false })
      // Realtime does not replay what was missed while away.
      void refreshSnapshot()
      return
    }
    if (browserOffline()) goOffline()
    else setConnection({ status: 'reconnecting' })
    startFallbackTimer()
  }

  function checkStale() {
    setConnection({ stale: lastUpdateAt !== null && Date.now() - lastUpdateAt > staleAfterMs })
  }

  function browserOffline() {
    return typeof navigator !== 'undefined' && navigator.onLine === false
  }

  /** Nothing can be read offline: say so at once rather than after the fallback's polls fail. */
  function goOffline() {
    setConnection({ status: 'offline', unreachable: true, pricesFrom: lastUpdateAt })
  }

  function watchBrowserConnectivity() {
    if (typeof window === 'undefined') return null
    const onOffline = () => {
      goOffline()
      startFallbackTimer()
    }
    const onOnline = () => {
      if (transport.isJoined?.()) {
        handleStatus('SUBSCRIBED')
        return
      }
      if (connection.status === 'offline') setConnection({ status: 'reconnecting' })
      transport.reconnect?.()
      // Reads may work before the socket is back.
      void refreshSnapshot()
    }
    window.addEventListener('offline', onOffline)
    window.addEventListener('online', onOnline)
    return () => {
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('online', onOnline)
    }
  }

  function start() {
    if (unsubscribe) return
    setConnection({ status: 'connecting' })
    unsubscribe = transport.subscribe({ onTick: handleTick, onStatus: handleStatus })
    staleTimer = setInterval(checkStale, 1_000)
    removeWindowListeners = watchBrowserConnectivity()
    if (browserOffline()) goOffline()
    // Show prices before the socket is up, and cover a socket that never connects.
    void refreshSnapshot()
    startFallbackTimer()
  }

  function stop() {
    unsubscribe?.()
    unsubscribe = null
    clearFallback()
    if (staleTimer) clearInterval(staleTimer)
    staleTimer = null
    if (recheckTimer) clearTimeout(recheckTimer)
    recheckTimer = null
    removeWindowListeners?.()
    removeWindowListeners = null
  }

  function addListener(set: Set<Listener>, listener: Listener) {
    set.add(listener)
    return () => void set.delete(listener)
  }

  return {
    start,
    stop,
    /** Seeds or refreshes quotes from rows already fetched elsewhere (e.g. the stocks query). */
    applySnapshot: (rows: readonly SnapshotRow[]) => void apply(rows, rowTime),
    refreshSnapshot,
    getQuote: (symbol: string): QuoteState | undefined => quotes.get(symbol),
    /** Immutable map: the same object until a quote changes (useSyncExternalStore needs that). */
    getQuotes: (): ReadonlyMap<string, QuoteState> => (snapshot ??= new Map(quotes)),
    getConnection: (): ConnectionState => connection,
    subscribeSymbol(symbol: string, listener: Listener) {
      let set = symbolListeners.get(symbol)
      if (!set) {
        set = new Set()
        symbolListeners.set(symbol, set)
      }
      set.add(listener)
      return () => {
        set.delete(listener)
        if (set.size === 0) symbolListeners.delete(symbol)
      }
    },
    subscribeAll: (listener: Listener) => addListener(allListeners, listener),
    subscribeConnection: (listener: Listener) => addListener(connectionListeners, listener),
  }
}

export type PriceStore = ReturnType<typeof createPriceStore>
