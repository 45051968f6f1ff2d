import type { QuoteState } from './price-store'

/** What a day's change needs of a fill (of one symbol). */
export interface DayFill {
  /** When it filled, epoch ms. */
  at: number
  side: 'buy' | 'sell'
  quantity: number
  price: number
}

const MICROS = 1e6

function toMicros(quantity: number): number {
  return Math.round(quantity * MICROS)
}

/** The simulated trading day starts at 00:00 UTC (SPEC §2). */
export function startOfTradingDay(now: number): number {
  const day = new Date(now)
  day.setUTCHours(0, 0, 0, 0)
  return day.getTime()
}

export interface DayChange {
  /** Gain (+) or loss (−) today, in dollars, what was realized today included. */
  change: number
  /**
   * `change` over what the shares still held stood at when they entered the day: the previous
   * close for those held since before today, the price paid for those bought today. Null when
   * no shares are left (all sold today).
   */
  ratio: number | null
}

/**
 * One symbol's gain or loss today, as brokers show it per holding: the shares held at the
 * previous close count from that close, shares bought today from what was paid for them, and
 * shares sold today at what they fetched. So it is what the holding is worth now, less what it
 * was worth when the day began, less what today's buys cost, plus what today's sales brought in.
 *
 * The ratio's base is the shares still held only: on 6 shares left of 10 bought today it is
 * what the 6 cost, not the 10 (the 4 sold are no longer at stake). Which shares a sale took is
 * first in, first out: the ones held overnight, then today's buys in the order they filled.
 *
 * Quantities come from the fills themselves, not from the positions table, so the figure never
 * mixes a fresh position with a fill list that has not caught up with it (that would count a
 * new purchase as a gain of its whole value). Undefined when the symbol was neither held at the
 * start of the day nor traded since.
 */
export function symbolDayChange(input: {
  /** This run's fills of the symbol, in any order. */
  fills: readonly DayFill[]
  dayStart: number
  price: number
  previousClose: number
}): DayChange | undefined {
  // Share counts in whole micro-shares (the engine keeps 6 decimals), so that selling what
  // 0.1 and 0.2 bought leaves exactly nothing rather than a crumb of a share to divide by.
  let startMicros = 0
  let micros = 0
  let bought = 0
  let sold = 0
  const todays: DayFill[] = []
  for (const fill of input.fills) {
    const signed = fill.side === 'buy' ? toMicros(fill.quantity) : -toMicros(fill.quantity)
    micros += signed
    if (fill.at < input.dayStart) {
      startMicros += signed
    } else {
      todays.push(fill)
      if (fill.side === 'buy') bought += fill.quantity * fill.price
      else sold += fill.quantity * fill.price
    }
  }
  if (startMicros === 0 && todays.length === 0) return undefined

  // Lots still held, oldest first, each at what it stood at when it entered the day.
  const lots = [{ micros: Math.max(startMicros, 0), price: input.previousClose }]
  for (const fill of todays.sort((a, b) => a.at - b.at)) {
    if (fill.side === 'buy') {
      lots.push({ micros: toMicros(fill.quantity), price: fill.price })
      continue
    }
    let left = toMicros(fill.quantity)
    for (const lot of lots) {
      const taken = Math.min(lot.micros, left)
      lot.micros -= taken
      left -= taken
      if (left <= 0) break
    }
  }
  const basis = lots.reduce((sum, lot) => sum + (lot.micros / MICROS) * lot.price, 0)

  const startValue = (startMicros / MICROS) * input.previousClose
  const change = (micros / MICROS) * input.price - startValue - bought + sold
  return { change, ratio: basis > 0 ? change / basis : null }
}

/** A holding's change today at a live quote (the trading day is the quote's); undefined until both are in. */
export function dayChangeAt(
  fills: readonly DayFill[] | undefined,
  quote: QuoteState | undefined,
): DayChange | undefined {
  if (!fills || !quote) return undefined
  return symbolDayChange({
    fills,
    dayStart: startOfTradingDay(quote.asOf),
    price: quote.price,
    previousClose: quote.previous_close,
  })
}
