import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { parseResponse } from '@/lib/api/parse-response'
import { supabase } from '@/lib/supabase'
import { historyKeys } from './keys'

/** The user's current portfolio run; history rows of lower runs belong to a previous run. */
export async function getCurrentRun(userId: string): Promise<number> {
  const { data } = await supabase
    .from('profiles')
    .select('current_run')
    .eq('id', userId)
    .single()
    .throwOnError()
  return parseResponse(
    z.object({ current_run: z.coerce.number().check(z.int()) }),
    data,
    'your current run',
  ).current_run
}

export function currentRunQueryOptions(userId: string) {
  return queryOptions({
    queryKey: historyKeys.currentRun(userId),
    queryFn: () => getCurrentRun(userId),
  })
}

export function useCurrentRun(userId: string) {
  return useQuery(currentRunQueryOptions(userId))
}
