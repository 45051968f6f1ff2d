import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { parseResponse } from '@/lib/api/parse-response'
import { supabase } from '@/lib/supabase'
import { portfolioKeys } from './keys'

const positionSchema = z.object({
  symbol: z.string(),
  quantity: z.coerce.number(),
  held_quantity: z.coerce.number(),
  average_cost: z.coerce.number(),
  realized_pnl: z.coerce.number(),
  stocks: z.nullable(z.object({ name: z.string() })),
})

export interface PositionRow {
  symbol: string
  name: string
  quantity: number
  heldQuantity: number
  averageCost: number
  realizedPnl: number
}

/**
 * Every position row of the current run, closed ones included: a position sold down to zero
 * stays (quantity 0) so its realized P&L still counts.
 */
export async function getPositions(userId: string): Promise<PositionRow[]> {
  const { data } = await supabase
    .from('portfolios')
    .select('symbol, quantity, held_quantity, average_cost, realized_pnl, stocks(name)')
    .eq('user_id', userId)
    .order('symbol')
    .throwOnError()
  return parseResponse(z.array(positionSchema), data ?? [], 'your positions').map((row) => ({
    symbol: row.symbol,
    name: row.stocks?.name ?? row.symbol,
    quantity: row.quantity,
    heldQuantity: row.held_quantity,
    averageCost: row.average_cost,
    realizedPnl: row.realized_pnl,
  }))
}

export function positionsQueryOptions(userId: string) {
  return queryOptions({
    queryKey: portfolioKeys.positions(userId),
    queryFn: () => getPositions(userId),
  })
}

export function usePositions(userId: string) {
  return useQuery(positionsQueryOptions(userId))
}
