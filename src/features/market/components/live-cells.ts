import { flashPrice } from '@/components/ui/price-flash'
import {
  dayChange,
  directionClass,
  formatCompact,
  formatCurrency,
  formatPercent,
  formatSignedCurrency,
  percentClass,
  signClass,
} from '@/lib/format'
import type { Stock } from '@/lib/models'
import type { QuoteState } from '@/lib/price-store'

/** What a market row shows of a stock's live quote (the row's own data until a quote exists). */
export function liveCells(stock: Stock, quote: QuoteState | undefined) {
  const price = quote?.price ?? stock.price
  const previousClose = quote?.previous_close ?? stock.previous_close
  const { change, ratio } = dayChange(price, previousClose)
  return {
    price,
    previousClose,
    change: formatSignedCurrency(change),
    ratio: formatPercent(ratio),
    /** Up/down colour of the change cell. */
    tone: signClass(change),
    /** Up/down colour of the % cell: a -0.00% is red where a $0.00 is not. */
    ratioTone: percentClass(ratio),
    volume: formatCompact(quote?.volume ?? stock.volume),
  }
}

/** The elements whose text a tick rewrites: the price span and the change, % and volume boxes. */
export type LiveElements = {
  price: HTMLElement | null
  change: HTMLElement | null
  ratio: HTMLElement | null
  volume: HTMLElement | null
}

const TONES = Object.values(directionClass)

/**
 * Writes a new quote into a rendered row: changed text and tone only (an unchanged text node
 * is left alone, so the browser has nothing to lay out or paint for it), and the price flashes
 * when it moved since `previous`.
 */
export function writeLiveCells(
  elements: LiveElements,
  quote: QuoteState,
  previous: QuoteState | undefined,
) {
  const { change, ratio } = dayChange(quote.price, quote.previous_close)
  const tone = signClass(change)
  setText(elements.price, formatCurrency(quote.price))
  setText(elements.change, formatSignedCurrency(change))
  setTone(elements.change, tone)
  setText(elements.ratio, formatPercent(ratio))
  setTone(elements.ratio, percentClass(ratio))
  setText(elements.volume, formatCompact(quote.volume))
  if (elements.price && previous && quote.changeSeq !== previous.changeSeq) {
    flashPrice(elements.price, quote.direction)
  }
}

function setText(element: HTMLElement | null, text: string) {
  if (!element) return
  const node = element.firstChild
  // Rewrite the text node React made rather than replace it: no node churn.
  if (node && node.nodeType === Node.TEXT_NODE && node === element.lastChild) {
    if (node.nodeValue !== text) node.nodeValue = text
  } else if (element.textContent !== text) {
    element.textContent = text
  }
}

function setTone(element: HTMLElement | null, tone: string) {
  if (!element || element.classList.contains(tone)) return
  element.classList.remove(...TONES)
  element.classList.add(tone)
}
