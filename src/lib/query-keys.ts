/**
 * Query keys shared across features (features must not import each other, so both sides import
 * these). User data is keyed by user id so one account never sees another's cache; invalidating
 * a prefix such as `['orders', userId]` refreshes every list below it.
 */
export const queryKeys = {
  stocks: {
    all: ['stocks'] as const,
    list: () => [...queryKeys.stocks.all, 'list'] as const,
    detail: (symbol: string) => [...queryKeys.stocks.all, 'detail', symbol] as const,
  },
  profile: (userId: string) => ['profile', userId] as const,
  /** Positions (`portfolios` rows) and anything derived from them. */
  portfolio: {
    all: (userId: string) => ['portfolio', userId] as const,
    openPositions: (userId: string) =>
      [...queryKeys.portfolio.all(userId), 'open-positions'] as const,
  },
  orders: {
    all: (userId: string) => ['orders', userId] as const,
    open: (userId: string) => [...queryKeys.orders.all(userId), 'open'] as const,
  },
  /** Fills (`transactions`), e.g. the history page. */
  transactions: {
    all: (userId: string) => ['transactions', userId] as const,
  },
  watchlist: {
    all: (userId: string) => ['watchlist', userId] as const,
  },
  leaderboard: {
    all: ['leaderboard'] as const,
  },
} as const
