import { queryKeys } from '@/lib/query-keys'

export const accountKeys = {
  settings: (userId: string) => [...queryKeys.profile(userId), 'settings'] as const,
}
