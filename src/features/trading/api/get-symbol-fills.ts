import { queryOptions, useQuery } from '@tanstack/react-query'
import { profileQueryOptions } from '@/lib/api/get-profile'
import { fetchRunFills } from '@/lib/api/get-run-fills'
import { tradingKeys } from './keys'

export const symbolFillsQueryOptions = (userId: string, symbol: string, run: number) =>
  queryOptions({
    queryKey: tradingKeys.symbolFills(userId, symbol, run),
    queryFn: () => fetchRunFills(userId, run, symbol),
  })

/**
 * This run's fills of `symbol`, oldest first; waits for the profile, which says which run is
 * current. Signed out (`userId` null) there are none to read, and nothing is asked for.
 */
export function useSymbolFills(userId: string | null, symbol: string) {
  const profile = useQuery({ ...profileQueryOptions(userId ?? ''), enabled: userId !== null })
  const run = profile.data?.current_run
  return useQuery({
    ...symbolFillsQueryOptions(userId ?? '', symbol, run ?? 0),
    enabled: userId !== null && run !== undefined,
  })
}
