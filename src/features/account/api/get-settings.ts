import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { parseResponse } from '@/lib/api/parse-response'
import { supabase } from '@/lib/supabase'
import { accountKeys } from './keys'

const settingsSchema = z.object({
  display_name: z.string(),
  show_on_leaderboard: z.boolean(),
  starting_cash: z.coerce.number(),
  current_run: z.coerce.number().check(z.int()),
  run_started_at: z.string(),
  created_at: z.string(),
})

export type AccountSettings = z.infer<typeof settingsSchema>

export async function getSettings(userId: string): Promise<AccountSettings> {
  const { data } = await supabase
    .from('profiles')
    .select(
      'display_name, show_on_leaderboard, starting_cash, current_run, run_started_at, created_at',
    )
    .eq('id', userId)
    .single()
    .throwOnError()
  return parseResponse(settingsSchema, data, 'your account')
}

export function settingsQueryOptions(userId: string) {
  return queryOptions({
    queryKey: accountKeys.settings(userId),
    queryFn: () => getSettings(userId),
  })
}

export function useSettings(userId: string) {
  return useQuery(settingsQueryOptions(userId))
}
