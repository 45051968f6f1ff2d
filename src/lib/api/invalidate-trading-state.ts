import type { QueryClient } from '@tanstack/react-query'
import { queryKeys } from '../query-keys'

/**
 * Refreshes everything an order can change when it is placed, fills, expires or is cancelled:
 * cash and holds (profile), positions, orders, fills and the leaderboard's equity. One list for
 * the ticket, the cancel button and the live order events, so they cannot drift apart.
 */
export function invalidateTradingState(queryClient: QueryClient, userId: string): Promise<void> {
  return Promise.all(
    [
      queryKeys.profile(userId),
      queryKeys.portfolio.all(userId),
      queryKeys.orders.all(userId),
      queryKeys.transactions.all(userId),
      queryKeys.leaderboard.all,
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  ).then(() => undefined)
}
