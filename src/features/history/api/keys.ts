import { queryKeys } from '@/lib/query-keys'
import type { ListFilters } from './query-filters'

/** Rooted under the shared keys so app-wide fill and order events refresh the lists. */
export const historyKeys = {
  currentRun: (userId: string) => [...queryKeys.profile(userId), 'current-run'] as const,
  fillsPage: (userId: string, filters: ListFilters, page: number) =>
    [...queryKeys.transactions.all(userId), 'history', filters, page] as const,
  ordersPage: (userId: string, filters: ListFilters, page: number) =>
    [...queryKeys.orders.all(userId), 'history', filters, page] as const,
}
