import { createPriceStore, MAX_CLOCK_LEAD_MS } from './price-store'
import type { ChannelStatus, MarketTransport, Quote, SnapshotRow, TickPayload } from './price-store'

function quote(symbol: string, price: number, extra: Partial<Quote> = {}): Quote {
  return {
    symbol,
    price,
    previous_close: 100,
    day_high: price,
    day_low: price,
    volume: 10,
    ...extra,
  }
}

/** A transport driven by the test: it records calls and lets the test push ticks and statuses. */
function fakeTransport(snapshot: () => SnapshotRow[] = () => []) {
  let handlers: { onTick: (p: TickPayload) => void; onStatus: (s: ChannelStatus) => void } | null =
    null
  const calls = { subscribe: 0, unsubscribe: 0, snapshot: 0, reconnect: 0 }
  const transport: MarketTransport = {
    subscribe(h) {
      calls.subscribe++
      handlers = h
      return () => void calls.unsubscribe++
    },
    async fetchSnapshot() {
      calls.snapshot++
      return snapshot()
    },
    reconnect: () => void calls.reconnect++,
  }
  return {
    transport,
    calls,
    tick: (quotes: Quote[], ts = Date.now()) => handlers!.onTick({ ts, quotes }),
    status: (s: ChannelStatus) => handlers!.onStatus(s),
  }
}

describe('price store', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-01-05T15:00:00Z'))
  })
  afterEach(() => {
    vi.restoreAllMocks()
    vi.useRealTimers()
  })

  it('subscribes once and notifies only the symbols whose values changed', async () => {
    const fake = fakeTransport()
    const store = createPriceStore(fake.transport)
    store.start()
    store.start()
    expect(fake.calls.subscribe).toBe(1)

    const aapl = vi.fn()
    const msft = vi.fn()
    const all = vi.fn()
    store.subscribeSymbol('AAPL', aapl)
    store.subscribeSymbol('MSFT', msft)
    store.subscribeAll(all)

    fake.tick([quote('AAPL', 190), quote('MSFT', 400)])
    expect(aapl).toHaveBeenCalledTimes(1)
    expect(msft).toHaveBeenCalledTimes(1)

    fake.tick([quote('AAPL', 191), quote('MSFT', 400)])
    expect(aapl).toHaveBeenCalledTimes(2)
    expect(msft).toHaveBeenCalledTimes(1)
    expect(all).toHaveBeenCalledTimes(2)

    const state = store.getQuote('AAPL')!
    expect(state.price).toBe(191)
    expect(state.previousPrice).toBe(190)
    expect(state.direction).toBe('up')
    expect(state.changeSeq).toBe(1)
    // Unchanged quotes keep their object identity, so memoized rows skip rendering.
    const msftBefore = store.getQuote('MSFT')
    fake.tick([quote('AAPL', 189), quote('MSFT', 400)])
    expect(store.getQuote('MSFT')).toBe(msftBefore)
    expect(store.getQuote('AAPL')!.direction).toBe('down')
    store.stop()
    expect(fake.calls.unsubscribe).toBe(1)
  })

  it('ignores data older than what it already has', () => {
    const fake = fakeTransport()
    const store = createPriceStore(fake.transport)
    store.start()
    fake.tick([quote('AAPL', 190)], Date.parse('2026-01-05T15:00:02Z'))
    store.applySnapshot([{ ...quote('AAPL', 150), updated_at: '2026-01-05T15:00:01Z' }])
    expect(store.getQuote('AAPL')!.price).toBe(190)
    store.stop()
  })

  it('is not frozen by a tick dated in the future, and skips what is not a quote', () => {
    const fake = fakeTransport()
    const store = createPriceStore(fake.transport)
    store.start()
    fake.tick([quote('AAPL', 190)])
    // a forged tick (the market channel is public), dated a year ahead
    fake.tick([quote('AAPL', 1)], Date.now() + 365 * 86_400_000)
    expect(store.getQuote('AAPL')!.price).toBe(1)
    // the real ticks that follow are not taken for older ones for more than a few seconds
    vi.advanceTimersByTime(MAX_CLOCK_LEAD_MS + 1_000)
    fake.tick([quote('AAPL', 191)])
    expect(store.getQuote('AAPL')!.price).toBe(191)

    const garbage = [
      null,
      { symbol: 'AAPL' },
      { ...quote('AAPL', 191), price: 'NaN' },
      { ...quote('AAPL', 191), price: -5 },
      { ...quote('AAPL', 191), day_high: 'Infinity' },
      { ...quote('AAPL', 191), symbol: 42 },
      quote('MSFT', 400),
    ] as unknown as Quote[]
    fake.tick(garbage)
    expect(store.getQuote('AAPL')!.price).toBe(191)
    expect(store.getQuote('MSFT')!.price).toBe(400)
    expect([...store.getQuotes().keys()].sort()).toEqual(['AAPL', 'MSFT'])
    store.stop()
  })

  it('re-fetches the snapshot on every (re)subscribe', async () => {
    let price = 100
    const fake = fakeTransport(() => [
      { ...quote('AAPL', price), updated_at: new Date().toISOString() },
    ])
    const store = createPriceStore(fake.transport)
    store.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(fake.calls.snapshot).toBe(1)
    fake.status('SUBSCRIBED')
    await vi.advanceTimersByTimeAsync(0)
    expect(fake.calls.snapshot).toBe(2)
    expect(store.getConnection().status).toBe('live')

    fake.status('CHANNEL_ERROR')
    expect(store.getConnection().status).toBe('reconnecting')
    price = 120
    vi.setSystemTime(Date.now() + 1000)
    fake.status('SUBSCRIBED')
    await vi.advanceTimersByTimeAsync(0)
    expect(fake.calls.snapshot).toBe(3)
    expect(store.getQuote('AAPL')!.price).toBe(120)
    store.stop()
  })

  it('falls back to polling when Realtime stays down, and stops when it is back', async () => {
    const fake = fakeTransport(() => [
      { ...quote('AAPL', 100), updated_at: new Date().toISOString() },
    ])
    const store = createPriceStore(fake.transport, { fallbackAfterMs: 10_000, pollEveryMs: 3_000 })
    store.start()
    fake.status('SUBSCRIBED')
    await vi.advanceTimersByTimeAsync(0)
    const listener = vi.fn()
    store.subscribeConnection(listener)

    fake.status('CHANNEL_ERROR')
    await vi.advanceTimersByTimeAsync(9_000)
    expect(store.getConnection().polling).toBe(false)
    const before = fake.calls.snapshot
    await vi.advanceTimersByTimeAsync(1_000)
    expect(store.getConnection()).toMatchObject({ status: 'reconnecting', polling: true })
    await vi.advanceTimersByTimeAsync(6_000)
    expect(fake.calls.snapshot).toBe(before + 3)

    fake.status('SUBSCRIBED')
    await vi.advanceTimersByTimeAsync(0)
    expect(store.getConnection()).toMatchObject({ status: 'live', polling: false })
    const afterRecovery = fake.calls.snapshot
    await vi.advanceTimersByTimeAsync(10_000)
    expect(fake.calls.snapshot).toBe(afterRecovery)
    expect(listener).toHaveBeenCalled()
    store.stop()
  })

  it('says when polling reaches nobody, from when the prices are, and clears it on the next answer', async () => {
    let down = false
    const fake = fakeTransport(() => {
      if (down) throw new TypeError('Failed to fetch')
      return [{ ...quote('AAPL', 100), updated_at: new Date().toISOString() }]
    })
    const onError = vi.fn()
    const store = createPriceStore(fake.transport, {
      fallbackAfterMs: 10_000,
      pollEveryMs: 3_000,
      onError,
    })
    store.start()
    fake.status('SUBSCRIBED')
    await vi.advanceTimersByTimeAsync(0)
    const lastGood = Date.now()
    expect(store.getConnection()).toMatchObject({ unreachable: false, pricesFrom: null })

    down = true
    window.dispatchEvent(new Event('offline'))
    await vi.advanceTimersByTimeAsync(10_000)
    expect(store.getConnection()).toMatchObject({
      status: 'offline',
      polling: true,
      unreachable: true,
      pricesFrom: lastGood,
    })
    // failing polls do not notify anyone again
    const listener = vi.fn()
    store.subscribeConnection(listener)
    await vi.advanceTimersByTimeAsync(3_000)
    expect(onError.mock.calls.length).toBeGreaterThanOrEqual(2)
    expect(listener.mock.calls.length).toBeLessThanOrEqual(1) // the stale flag, once
    expect(store.getConnection()).toMatchObject({ unreachable: true, pricesFrom: lastGood })

    down = false
    await vi.advanceTimersByTimeAsync(3_000)
    expect(store.getConnection()).toMatchObject({
      polling: true,
      unreachable: false,
      pricesFrom: null,
      stale: false,
    })
    store.stop()
  })

  it('marks prices stale when nothing arrives for longer than the threshold', async () => {
    const fake = fakeTransport()
    const store = createPriceStore(fake.transport, { staleAfterMs: 10_000 })
    store.start()
    fake.status('SUBSCRIBED')
    fake.tick([quote('AAPL', 100)])
    await vi.advanceTimersByTimeAsync(9_000)
    expect(store.getConnection().stale).toBe(false)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(store.getConnection().stale).toBe(true)
    fake.tick([quote('AAPL', 101)])
    expect(store.getConnection().stale).toBe(false)
    store.stop()
  })

  it('goes offline with the browser and asks the socket to reconnect when it is back', () => {
    const fake = fakeTransport()
    const store = createPriceStore(fake.transport)
    store.start()
    fake.status('SUBSCRIBED')
    window.dispatchEvent(new Event('offline'))
    expect(store.getConnection().status).toBe('offline')
    window.dispatchEvent(new Event('online'))
    expect(store.getConnection().status).toBe('reconnecting')
    expect(fake.calls.reconnect).toBe(1)
    store.stop()
  })

  it('is live again at once when the socket survived a short offline spell', async () => {
    const fake = fakeTransport()
    let joined = true
    const store = createPriceStore({ ...fake.transport, isJoined: () => joined })
    store.start()
    fake.status('SUBSCRIBED')
    await vi.advanceTimersByTimeAsync(0)
    const snapshots = fake.calls.snapshot
    window.dispatchEvent(new Event('offline'))
    expect(store.getConnection().status).toBe('offline')
    window.dispatchEvent(new Event('online'))
    expect(store.getConnection().status).toBe('live')
    await vi.advanceTimersByTimeAsync(0)
    expect(fake.calls.snapshot).toBe(snapshots + 1)
    joined = false
    window.dispatchEvent(new Event('offline'))
    window.dispatchEvent(new Event('online'))
    expect(store.getConnection().status).toBe('reconnecting')
    store.stop()
  })

  it('shares one read among the calls made while a read is on its way', async () => {
    const reads: ((rows: SnapshotRow[] | Error) => void)[] = []
    const onError = vi.fn()
    const transport: MarketTransport = {
      subscribe: () => () => {},
      fetchSnapshot: () =>
        new Promise((resolve, reject) =>
          reads.push((answer) => (answer instanceof Error ? reject(answer) : resolve(answer))),
        ),
    }
    const store = createPriceStore(transport, { onError })
    const first = store.refreshSnapshot()
    const second = store.refreshSnapshot()
    expect(second).toBe(first)
    expect(reads).toHaveLength(1)
    reads[0]([{ ...quote('AAPL', 100), updated_at: new Date().toISOString() }])
    await Promise.all([first, second])
    expect(store.getQuote('AAPL')!.price).toBe(100)

    // Once it has settled, the next call reads again; a failed read is shared the same way.
    const third = store.refreshSnapshot()
    expect(third).not.toBe(first)
    expect(store.refreshSnapshot()).toBe(third)
    expect(reads).toHaveLength(2)
    reads[1](new TypeError('Failed to fetch'))
    await expect(third).resolves.toBeUndefined()
    expect(onError).toHaveBeenCalledTimes(1)
    expect(store.getConnection().unreachable).toBe(true)
    void store.refreshSnapshot()
    expect(reads).toHaveLength(3)
    reads[2]([])
    store.stop()
  })

  it('starting and the socket joining at once make one read, not two', async () => {
    const waiting: (() => void)[] = []
    const fake = fakeTransport(() => [quote('AAPL', 100)])
    const store = createPriceStore({
      ...fake.transport,
      fetchSnapshot: async () => {
        const answer = fake.transport.fetchSnapshot()
        await new Promise<void>((resolve) => waiting.push(resolve))
        return answer
      },
    })
    store.start()
    fake.status('SUBSCRIBED')
    for (const resolve of waiting) resolve()
    await vi.advanceTimersByTimeAsync(0)
    expect(fake.calls.snapshot).toBe(1)
    expect(store.getConnection().status).toBe('live')
    expect(store.getQuote('AAPL')!.price).toBe(100)
    store.stop()
  })

  it('stays offline until the browser says it is online, even when a read answers meanwhile', async () => {
    let release: () => void = () => {}
    let hold = false
    const fake = fakeTransport(() => [
      { ...quote('AAPL', 100), updated_at: new Date().toISOString() },
    ])
    const store = createPriceStore(
      {
        ...fake.transport,
        fetchSnapshot: async () => {
          if (hold) await new Promise<void>((resolve) => (release = resolve))
          return fake.transport.fetchSnapshot()
        },
      },
      { fallbackAfterMs: 10_000, pollEveryMs: 3_000 },
    )
    store.start()
    fake.status('SUBSCRIBED')
    await vi.advanceTimersByTimeAsync(0)

    // A read on its way when the browser goes offline answers after the 'offline' event.
    hold = true
    const pending = store.refreshSnapshot()
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    window.dispatchEvent(new Event('offline'))
    vi.setSystemTime(Date.now() + 2_000)
    release()
    await pending
    const offline = { status: 'offline', unreachable: true, stale: true }
    // The notice says from when the prices on screen are: this answer's.
    const answered = Date.now()
    expect(store.getConnection()).toMatchObject({ ...offline, pricesFrom: answered })

    // Nor do the fallback's polls that answer bring it back.
    hold = false
    const reads = fake.calls.snapshot
    await vi.advanceTimersByTimeAsync(16_000)
    expect(fake.calls.snapshot).toBeGreaterThan(reads)
    expect(store.getConnection()).toMatchObject({ ...offline, polling: true })
    expect(store.getConnection().pricesFrom).toBeGreaterThan(answered)

    vi.restoreAllMocks()
    window.dispatchEvent(new Event('online'))
    await vi.advanceTimersByTimeAsync(0)
    expect(store.getConnection()).toMatchObject({
      status: 'reconnecting',
      unreachable: false,
      pricesFrom: null,
      stale: false,
    })
    store.stop()
  })
})
