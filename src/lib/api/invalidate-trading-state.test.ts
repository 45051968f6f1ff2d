import { QueryClient } from '@tanstack/react-query'
import { queryKeys } from '../query-keys'
import { invalidateTradingState } from './invalidate-trading-state'

describe('invalidateTradingState', () => {
  it("refreshes the user's cash, positions, orders, fills and the leaderboard, nothing else", async () => {
    const queryClient = new QueryClient()
    const keys = {
      profile: queryKeys.profile('u1'),
      openPositions: queryKeys.portfolio.openPositions('u1'),
      openOrders: queryKeys.orders.open('u1'),
      fills: [...queryKeys.transactions.all('u1'), 'page', 1],
      leaderboard: [...queryKeys.leaderboard.all, 'top'],
      watchlist: queryKeys.watchlist.all('u1'),
      stocks: queryKeys.stocks.list(),
      otherUser: queryKeys.profile('u2'),
    }
    for (const key of Object.values(keys)) queryClient.setQueryData(key, 1)
    await invalidateTradingState(queryClient, 'u1')
    const invalidated = Object.fromEntries(
      Object.entries(keys).map(([name, key]) => [
        name,
        queryClient.getQueryState(key)?.isInvalidated,
      ]),
    )
    expect(invalidated).toEqual({
      profile: true,
      openPositions: true,
      openOrders: true,
      fills: true,
      leaderboard: true,
      watchlist: false,
      stocks: false,
      otherUser: false,
    })
  })
})
