import { dateRange, type HistoryFilters } from '../lib/filters'

/** The subset of the PostgREST filter builder both history tables use. */
interface Filterable<Self> {
  eq(column: string, value: string): Self
  gte(column: string, value: string): Self
  lt(column: string, value: string): Self
}

export type ListFilters = Pick<HistoryFilters, 'symbol' | 'side' | 'from' | 'to'>

/** Applies the URL filters to a `transactions` or `orders` query (both have the same columns). */
export function applyHistoryFilters<Query extends Filterable<Query>>(
  query: Query,
  filters: ListFilters,
): Query {
  let filtered = query
  if (filters.symbol) filtered = filtered.eq('symbol', filters.symbol)
  if (filters.side) filtered = filtered.eq('side', filters.side)
  const { fromIso, toIsoExclusive } = dateRange(filters)
  if (fromIso) filtered = filtered.gte('created_at', fromIso)
  if (toIsoExclusive) filtered = filtered.lt('created_at', toIsoExclusive)
  return filtered
}

/** Rows per page on screen; the CSV export pages through the server's maximum instead. */
export const HISTORY_PAGE_SIZE = 25
export const EXPORT_PAGE_SIZE = 1000
