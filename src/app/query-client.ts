import { QueryCache, QueryClient } from '@tanstack/react-query'
import { isNetworkError } from '@/lib/api/network-error'
import { priceStore } from '@/lib/prices'

/** Two quick retries (0.5 s, then 1 s) ride out a blip without a long skeleton when it is down. */
export const RETRY_DELAY_MS = 500

export function createQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({
      // The connection indicator follows the price store, whose reads are otherwise rare while
      // Realtime is up: a page's failed read has it check, so it stops saying Live.
      onError: (error) => {
        if (isNetworkError(error)) void priceStore.refreshSnapshot()
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (failureCount, error) => {
          // PostgREST/Auth 4xx answers will not change on retry.
          const status = (error as { status?: number; code?: string }).status
          if (status && status >= 400 && status < 500) return false
          return failureCount < 2
        },
        retryDelay: (attempt) => RETRY_DELAY_MS * 2 ** attempt,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  })
}
