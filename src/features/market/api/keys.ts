import { queryKeys } from '@/lib/query-keys'

export const marketKeys = {
  sparklines: () => [...queryKeys.stocks.all, 'sparklines'] as const,
}
