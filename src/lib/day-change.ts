import type { QuoteState } from './price-store'

/** What a day's change needs of a fill (of one symbol). */
export interface DayFill {
  /** When it filled, epoch ms. */
  at: number
  side: 'buy' | 'sell'
  quantity: number
  price: number
}

/** The simulated trading day starts at 00:00 UTC (SPEC §2). */
export function startOfTradingDay(now: number): number {
  const day = new Date(now)
  day.setUTCHours(0, 0, 0, 0)
  return day.getTime()
}

export interface DayChange {
  /** Gain (+) or loss (−) today, in dollars. */
  change: number
  /** Of what the holding stood at when the day began plus what was bought today; null if 0. */
  ratio: number | null
}

/**
 * One symbol's gain or loss today, as brokers show it per holding: the shares held at the
 * previous close count from that close, shares bought today from what was paid for them, and
 * shares sold today at what they fetched. So it is what the holding is worth now, less what it
 * was worth when the day began, less what today's buys cost, plus what today's sales brought in.
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
  let startQuantity = 0
  let quantity = 0
  let bought = 0
  let sold = 0
  let tradedToday = false
  for (const fill of input.fills) {
    const signed = fill.side === 'buy' ? fill.quantity : -fill.quantity
    quantity += signed
    if (fill.at < input.dayStart) {
      startQuantity += signed
    } else {
      tradedToday = true
      if (fill.side === 'buy') bought += fill.quantity * fill.price
      else sold += fill.quantity * fill.price
    }
  }
  if (startQuantity === 0 && !tradedToday) return undefined
  const startValue = startQuantity * input.previousClose
  const change = quantity * input.price - startValue - bought + sold
  const basis = startValue + bought
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
