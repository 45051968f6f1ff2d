import { queryOptions, useQuery } from '@tanstack/react-query'
import { profileRowSchema, type Profile } from '../models'
import { queryKeys } from '../query-keys'
import { supabase } from '../supabase'
import { parseResponse } from './parse-response'

export async function getProfile(userId: string): Promise<Profile> {
  const { data, error } = await supabase.from('profiles').select('*').eq('id', userId).single()
  if (error) throw error
  return parseResponse(profileRowSchema, data, 'your profile')
}

export const profileQueryOptions = (userId: string) =>
  queryOptions({ queryKey: queryKeys.profile(userId), queryFn: () => getProfile(userId) })

export function useProfile(userId: string) {
  return useQuery(profileQueryOptions(userId))
}
