import type { RunFill } from '@/lib/api/get-run-fills'

/**
 * Equity over time at MARKET value, rebuilt in the browser from two public facts:
 *
 *  - the ledger of fills of the current run (`transactions`): after each fill we know the cash
 *    exactly (`cash_after`, fees included) and the quantity of every symbol (Σ bought − Σ sold);
 *  - closing prices (`price_candles`): a candle's close is the price at the END of its bucket,
 *    so a candle contributes a point at `bucket + interval` (1 minute or 1 day).
 *
 * At every time where something changed (a fill or a close of a held symbol), equity =
 * cash + Σ quantity × latest known price, where the latest known price is whichever came last:
 * the latest close or the price of the latest fill of that symbol. Before the first fill, equity
 * is the starting cash. The page then appends "now" valued with live quotes (`withLivePoint`),
 * the same number as the equity shown in the summary.
 */

/** A fill of this run (see fetchRunFills), as far as the curve needs it. */
export type Fill = Pick<RunFill, 'at' | 'symbol' | 'side' | 'quantity' | 'price' | 'cashAfter'>

export interface ClosePoint {
  /** When this price was the market price (the end of the candle), epoch ms. */
  at: number
  close: number
}

export interface EquityPoint {
  at: number
  equity: number
}

interface Event {
  at: number
  /** Fills sort before closes at the same instant so the close values the new position. */
  order: 0 | 1
  apply: (state: State) => void
}

interface State {
  cash: number
  quantities: Map<string, number>
  prices: Map<string, { at: number; price: number }>
}

function setPrice(state: State, symbol: string, at: number, price: number): void {
  const known = state.prices.get(symbol)
  if (!known || known.at <= at) state.prices.set(symbol, { at, price })
}

function equityOf(state: State): number {
  let equity = state.cash
  for (const [symbol, quantity] of state.quantities) {
    if (quantity === 0) continue
    equity += quantity * (state.prices.get(symbol)?.price ?? 0)
  }
  return equity
}

export function buildEquityCurve(input: {
  startingCash: number
  runStart: number
  fills: readonly Fill[]
  closes: Readonly<Record<string, readonly ClosePoint[]>>
  /** Points after this instant (a candle still open) are left out. */
  until: number
  /**
   * Where the curve starts (the run's start by default; never before it). What happened before
   * only sets the holdings, cash and prices of the first point.
   */
  from?: number
}): EquityPoint[] {
  const events: Event[] = []
  for (const fill of input.fills) {
    if (fill.at < input.runStart || fill.at > input.until) continue
    events.push({
      at: fill.at,
      order: 0,
      apply: (state) => {
        const signed = fill.side === 'buy' ? fill.quantity : -fill.quantity
        state.quantities.set(fill.symbol, (state.quantities.get(fill.symbol) ?? 0) + signed)
        state.cash = fill.cashAfter
        setPrice(state, fill.symbol, fill.at, fill.price)
      },
    })
  }
  for (const [symbol, points] of Object.entries(input.closes)) {
    for (const point of points) {
      if (point.at > input.until) continue
      events.push({
        at: point.at,
        order: 1,
        apply: (state) => setPrice(state, symbol, point.at, point.close),
      })
    }
  }
  events.sort((a, b) => a.at - b.at || a.order - b.order)

  const state: State = { cash: input.startingCash, quantities: new Map(), prices: new Map() }
  const start = Math.max(input.runStart, input.from ?? input.runStart)
  let next = 0
  // Closes before the run only seed prices, as everything up to `start` seeds its first point.
  for (; next < events.length && events[next].at <= start; next += 1) events[next].apply(state)
  const curve: EquityPoint[] = [{ at: start, equity: equityOf(state) }]
  for (const event of events.slice(next)) {
    event.apply(state)
    const equity = equityOf(state)
    const last = curve[curve.length - 1]
    if (last.at === event.at) last.equity = equity
    else curve.push({ at: event.at, equity })
  }
  return curve
}

/**
 * Today's curve: from the start of the trading day (or of the run, if it began today) to now,
 * through the 1-minute closes since. The holdings of the day's start are valued at their
 * previous close there, so the first point is the equity the day's change counts from
 * (dayStartEquity).
 */
export function buildDayEquityCurve(input: {
  startingCash: number
  runStart: number
  dayStart: number
  fills: readonly Fill[]
  /** 1-minute closes since the start of the day. */
  closes: Readonly<Record<string, readonly ClosePoint[]>>
  previousClose: (symbol: string) => number | undefined
  until: number
}): EquityPoint[] {
  const closes: Record<string, readonly ClosePoint[]> = { ...input.closes }
  for (const symbol of new Set(input.fills.map((fill) => fill.symbol))) {
    const close = input.previousClose(symbol)
    if (close === undefined) continue
    closes[symbol] = [{ at: input.dayStart, close }, ...(input.closes[symbol] ?? [])]
  }
  return buildEquityCurve({
    startingCash: input.startingCash,
    runStart: input.runStart,
    fills: input.fills,
    closes,
    until: input.until,
    from: input.dayStart,
  })
}

/** The curve ending at the live equity; a point at the same instant or later is replaced. */
export function withLivePoint(
  curve: readonly EquityPoint[],
  at: number,
  equity: number,
): EquityPoint[] {
  const kept = curve.filter((point) => point.at < at)
  return [...kept, { at, equity }]
}

/**
 * Equity at the previous close: the cash and quantities held when the day started, valued at
 * each symbol's previous close. A run that started today has its starting cash as baseline.
 */
export function dayStartEquity(input: {
  startingCash: number
  fills: readonly Fill[]
  dayStart: number
  previousClose: (symbol: string) => number | undefined
}): number {
  let cash = input.startingCash
  const quantities = new Map<string, number>()
  const lastFillPrice = new Map<string, number>()
  const ordered = [...input.fills].sort((a, b) => a.at - b.at)
  for (const fill of ordered) {
    if (fill.at >= input.dayStart) break
    const signed = fill.side === 'buy' ? fill.quantity : -fill.quantity
    quantities.set(fill.symbol, (quantities.get(fill.symbol) ?? 0) + signed)
    lastFillPrice.set(fill.symbol, fill.price)
    cash = fill.cashAfter
  }
  let equity = cash
  for (const [symbol, quantity] of quantities) {
    equity += quantity * (input.previousClose(symbol) ?? lastFillPrice.get(symbol) ?? 0)
  }
  return equity
}

/**
 * Keeps at most `maxPoints` points for drawing: the curve is cut into equal time slots and the
 * last point of each slot survives (the close of the slot, like a candle). First and last
 * points are always kept so the line spans the whole run and ends at the live value.
 */
export function downsample(points: readonly EquityPoint[], maxPoints: number): EquityPoint[] {
  if (points.length <= maxPoints || maxPoints < 3) return [...points]
  const first = points[0]
  const last = points[points.length - 1]
  const slots = maxPoints - 2
  const width = (last.at - first.at) / slots
  const kept: EquityPoint[] = [first]
  let slotEnd = first.at + width
  let candidate: EquityPoint | undefined
  for (let i = 1; i < points.length - 1; i += 1) {
    const point = points[i]
    while (point.at > slotEnd) {
      if (candidate) kept.push(candidate)
      candidate = undefined
      slotEnd += width
    }
    candidate = point
  }
  if (candidate) kept.push(candidate)
  kept.push(last)
  return kept.length > maxPoints ? [...kept.slice(0, maxPoints - 1), last] : kept
}
