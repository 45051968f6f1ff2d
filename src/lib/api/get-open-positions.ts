import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Position } from '../models'
import { queryKeys } from '../query-keys'
import { supabase } from '../supabase'

/** The user's open positions (quantity > 0), by symbol. */
export async function getPositions(userId: string): Promise<Position[]> {
  const { data, error } = await supabase
    .from('portfolios')
    .select('*')
    .eq('user_id', userId)
    .gt('quantity', 0)
    .order('symbol')
  if (error) throw error
  return (data ?? []) as Position[]
}

export const positionsQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: queryKeys.portfolio.positions(userId),
    queryFn: () => getPositions(userId),
  })

export function usePositions(userId: string) {
  return useQuery(positionsQueryOptions(userId))
}
