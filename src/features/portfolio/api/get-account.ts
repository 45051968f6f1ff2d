import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { parseResponse } from '@/lib/api/parse-response'
import { supabase } from '@/lib/supabase'
import { portfolioKeys } from './keys'

const accountSchema = z.object({
  cash: z.coerce.number(),
  buying_power: z.coerce.number(),
  starting_cash: z.coerce.number(),
  current_run: z.coerce.number().check(z.int()),
  run_started_at: z.string(),
})

export type Account = z.infer<typeof accountSchema>

/** Cash, buying power (computed by Postgres) and the current portfolio run. */
export async function getAccount(userId: string): Promise<Account> {
  const { data } = await supabase
    .from('profiles')
    .select('cash, buying_power, starting_cash, current_run, run_started_at')
    .eq('id', userId)
    .single()
    .throwOnError()
  return parseResponse(accountSchema, data, 'your account')
}

export function accountQueryOptions(userId: string) {
  return queryOptions({
    queryKey: portfolioKeys.account(userId),
    queryFn: () => getAccount(userId),
  })
}

export function useAccount(userId: string) {
  return useQuery(accountQueryOptions(userId))
}
