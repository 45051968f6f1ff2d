import { queryOptions, useQuery } from '@tanstack/react-query'
import { useProfile } from '@/lib/api/get-profile'
import { fetchRunFills } from '@/lib/api/get-run-fills'
import { tradingKeys } from './keys'

export const symbolFillsQueryOptions = (userId: string, symbol: string, run: number) =>
  queryOptions({
    queryKey: tradingKeys.symbolFills(userId, symbol, run),
    queryFn: () => fetchRunFills(userId, run, symbol),
  })

/** This run's fills of `symbol`; waits for the profile, which says which run is current. */
export function useSymbolFills(userId: string, symbol: string) {
  const run = useProfile(userId).data?.current_run
  return useQuery({
    ...symbolFillsQueryOptions(userId, symbol, run ?? 0),
    enabled: run !== undefined,
  })
}
