import { queryKeys } from '@/lib/query-keys'

export type ChartRange = '1D' | '1W' | '1M' | '1Y'

export const tradingKeys = {
  candles: (symbol: string, range: ChartRange) =>
    [...queryKeys.stocks.detail(symbol), 'candles', range] as const,
  stock: (symbol: string) => [...queryKeys.stocks.detail(symbol), 'row'] as const,
  /** Under the user's transactions, so the app-wide fill events refresh it. */
  symbolFills: (userId: string, symbol: string, run: number) =>
    [...queryKeys.transactions.all(userId), 'symbol', symbol, run] as const,
  watchlistEntry: (userId: string, symbol: string) =>
    [...queryKeys.watchlist.all(userId), 'entry', symbol] as const,
}
