import { dayChangeAt, type DayFill } from '@/lib/day-change'
import type { QuoteState } from '@/lib/price-store'
import { valueHolding, type Position } from './holdings'

export type HoldingSortKey =
  | 'symbol'
  | 'quantity'
  | 'averageCost'
  | 'price'
  | 'today'
  | 'marketValue'
  | 'unrealizedPnl'
  | 'realizedPnl'
export type HoldingSort = { key: HoldingSortKey; direction: 'asc' | 'desc' }

/** Biggest positions first, as brokers list them. */
export const DEFAULT_HOLDING_SORT: HoldingSort = { key: 'marketValue', direction: 'desc' }

/** Sort keys whose values move with every tick: re-sorted at a pace, not on every tick. */
export const LIVE_HOLDING_SORT_KEYS: ReadonlySet<HoldingSortKey> = new Set([
  'price',
  'today',
  'marketValue',
  'unrealizedPnl',
])

/** A column sorts A to Z first for the symbol, biggest first for numbers. */
export function firstHoldingDirection(key: HoldingSortKey): HoldingSort['direction'] {
  return key === 'symbol' ? 'asc' : 'desc'
}

function sortValue(
  position: Position,
  key: Exclude<HoldingSortKey, 'symbol'>,
  quote: QuoteState | undefined,
  fills: readonly DayFill[] | undefined,
): number | undefined {
  if (key === 'today') return dayChangeAt(fills, quote)?.change
  return valueHolding(position, quote?.price)[key]
}

/**
 * Holdings in the order of one column, valued at `quotes`. Ties, and rows with no value yet
 * (today's change before the fills load), go by symbol; rows with no value go last either way.
 */
export function sortHoldings<T extends Position>(
  positions: readonly T[],
  sort: HoldingSort,
  quotes: ReadonlyMap<string, QuoteState>,
  fillsOf: (symbol: string) => readonly DayFill[] | undefined,
): T[] {
  const bySymbol = (a: T, b: T) => a.symbol.localeCompare(b.symbol)
  const { key, direction } = sort
  if (key === 'symbol') {
    const sorted = [...positions].sort(bySymbol)
    return direction === 'asc' ? sorted : sorted.reverse()
  }
  const sign = direction === 'asc' ? 1 : -1
  return positions
    .map((position) => ({
      position,
      value: sortValue(position, key, quotes.get(position.symbol), fillsOf(position.symbol)),
    }))
    .sort((a, b) => {
      if (a.value === undefined || b.value === undefined) {
        if (a.value !== b.value) return a.value === undefined ? 1 : -1
        return bySymbol(a.position, b.position)
      }
      return sign * (a.value - b.value) || bySymbol(a.position, b.position)
    })
    .map(({ position }) => position)
}
