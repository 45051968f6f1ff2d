import * as z from 'zod/mini'
import { DEFAULT_SORT, firstDirection, SORT_KEYS } from './sort-stocks'
import type { Sort } from './sort-stocks'

/**
 * The market's search, sector and sort live in the URL, so Back from a stock restores the list
 * and a filtered view can be shared or bookmarked.
 */
export type MarketView = { search: string; sector: string; sort: Sort }

const paramsSchema = z.object({
  q: z.catch(z.string(), ''),
  sector: z.catch(z.string(), ''),
  sort: z.catch(z.enum(SORT_KEYS), DEFAULT_SORT.key),
  dir: z.catch(z.optional(z.enum(['asc', 'desc'])), undefined),
})

/**
 * Unknown or malformed parameters fall back to the defaults instead of failing the page. The
 * sector is only checked against the loaded stocks (see validSector): before they load there is
 * nothing to check it against.
 */
export function parseMarketView(params: URLSearchParams): MarketView {
  const parsed = paramsSchema.parse({
    q: params.get('q') ?? undefined,
    sector: params.get('sector') ?? undefined,
    sort: params.get('sort') ?? undefined,
    dir: params.get('dir') ?? undefined,
  })
  return {
    search: parsed.q,
    sector: parsed.sector,
    // No (or a bad) direction: the one a click on that column gives first.
    sort: { key: parsed.sort, direction: parsed.dir ?? firstDirection(parsed.sort) },
  }
}

/** A sector that none of the loaded stocks has means all sectors. */
export function validSector(sector: string, sectors: readonly string[] | undefined): string {
  return sectors === undefined || sectors.includes(sector) ? sector : ''
}

/** Only what differs from the defaults, so the default view is a clean `/`. */
export function marketSearchParams({ search, sector, sort }: MarketView): URLSearchParams {
  const params = new URLSearchParams()
  if (search.trim() !== '') params.set('q', search)
  if (sector !== '') params.set('sector', sector)
  if (sort.key !== DEFAULT_SORT.key || sort.direction !== DEFAULT_SORT.direction) {
    params.set('sort', sort.key)
    params.set('dir', sort.direction)
  }
  return params
}
