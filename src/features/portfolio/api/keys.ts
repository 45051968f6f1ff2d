import { queryKeys } from '@/lib/query-keys'

/**
 * Rooted under the shared keys so the app-wide order/fill events, which invalidate
 * `['profile', uid]`, `['portfolio', uid]`, `['orders', uid]` and `['transactions', uid]`,
 * refresh this page too.
 */
export const portfolioKeys = {
  account: (userId: string) => [...queryKeys.profile(userId), 'portfolio-account'] as const,
  positions: (userId: string) => [...queryKeys.portfolio.all(userId), 'all-positions'] as const,
  equityHistory: (userId: string, run: number) =>
    [...queryKeys.transactions.all(userId), 'equity-history', run] as const,
  dayCloses: (userId: string, run: number, since: number, symbols: readonly string[]) =>
    [...portfolioKeys.equityHistory(userId, run), 'day-closes', since, ...symbols] as const,
}
