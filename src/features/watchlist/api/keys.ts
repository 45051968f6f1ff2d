import { queryKeys } from '@/lib/query-keys'

/** Rooted under the shared watchlist key, which alert events and the stock page's toggle use. */
export const watchlistKeys = {
  list: (userId: string) => [...queryKeys.watchlist.all(userId), 'list'] as const,
  /** Under the watchlist key: an alert firing refreshes the watchlist, and these with it. */
  alertEvents: (userId: string) => [...queryKeys.watchlist.all(userId), 'alert-events'] as const,
  search: (term: string) => [...queryKeys.stocks.all, 'search', term] as const,
}
