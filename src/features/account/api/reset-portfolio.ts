import { useMutation, useQueryClient } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { parseResponse } from '@/lib/api/parse-response'
import { supabase } from '@/lib/supabase'

const profileSchema = z.object({
  current_run: z.coerce.number().check(z.int()),
  cash: z.coerce.number(),
})

/** Starts a new run at the starting cash; old orders and fills stay, marked as a previous run. */
export async function resetPortfolio() {
  const { data } = await supabase.rpc('reset_portfolio').throwOnError()
  return parseResponse(profileSchema, data, 'the reset')
}

export function useResetPortfolio() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: resetPortfolio,
    // A reset touches every piece of user data (cash, positions, orders, runs, leaderboard).
    onSettled: () => queryClient.invalidateQueries(),
  })
}
