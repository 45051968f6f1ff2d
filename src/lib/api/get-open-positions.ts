import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { positionRowSchema, type Position } from '../models'
import { queryKeys } from '../query-keys'
import { supabase } from '../supabase'
import { parseResponse } from './parse-response'

/** The user's open positions (quantity > 0), by symbol. */
export async function getOpenPositions(userId: string): Promise<Position[]> {
  const { data, error } = await supabase
    .from('portfolios')
    .select('*')
    .eq('user_id', userId)
    .gt('quantity', 0)
    .order('symbol')
  if (error) throw error
  return parseResponse(z.array(positionRowSchema), data ?? [], 'your open positions')
}

export const openPositionsQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: queryKeys.portfolio.openPositions(userId),
    queryFn: () => getOpenPositions(userId),
  })

export function useOpenPositions(userId: string) {
  return useQuery(openPositionsQueryOptions(userId))
}
