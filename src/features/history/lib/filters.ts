import * as z from 'zod/mini'

/** History filters live in the URL so a filtered view can be reloaded, shared and navigated back to. */
const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))

const filtersSchema = z.object({
  view: z.catch(z.enum(['fills', 'orders']), 'fills'),
  symbol: z.catch(
    z.optional(z.string().check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z0-9.-]{1,12}$/))),
    undefined,
  ),
  side: z.catch(z.optional(z.enum(['buy', 'sell'])), undefined),
  from: z.catch(z.optional(isoDay), undefined),
  to: z.catch(z.optional(isoDay), undefined),
  page: z.catch(z.coerce.number().check(z.int(), z.minimum(1)), 1),
})

export type HistoryFilters = z.infer<typeof filtersSchema>
export type HistoryView = HistoryFilters['view']

/** Unknown or malformed parameters fall back to "no filter" instead of failing the page. */
export function parseHistoryFilters(params: URLSearchParams): HistoryFilters {
  return filtersSchema.parse({
    view: params.get('view') ?? undefined,
    symbol: params.get('symbol') || undefined,
    side: params.get('side') || undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    page: params.get('page') ?? undefined,
  })
}

export function historySearchParams(filters: HistoryFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (filters.view !== 'fills') params.set('view', filters.view)
  if (filters.symbol) params.set('symbol', filters.symbol)
  if (filters.side) params.set('side', filters.side)
  if (filters.from) params.set('from', filters.from)
  if (filters.to) params.set('to', filters.to)
  if (filters.page > 1) params.set('page', String(filters.page))
  return params
}

/**
 * The date range as instants: `from` at the start of that day and `to` up to (not including)
 * the start of the next day, both in the viewer's own time zone, which is how they read dates.
 */
export function dateRange(filters: Pick<HistoryFilters, 'from' | 'to'>): {
  fromIso?: string
  toIsoExclusive?: string
} {
  const startOf = (day: string) => {
    const [year, month, date] = day.split('-').map(Number)
    return new Date(year, month - 1, date)
  }
  const range: { fromIso?: string; toIsoExclusive?: string } = {}
  if (filters.from) range.fromIso = startOf(filters.from).toISOString()
  if (filters.to) {
    const end = startOf(filters.to)
    end.setDate(end.getDate() + 1)
    range.toIsoExclusive = end.toISOString()
  }
  return range
}
