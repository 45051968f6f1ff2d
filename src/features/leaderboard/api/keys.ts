import { queryKeys } from '@/lib/query-keys'

export const leaderboardKeys = {
  list: (limit: number) => [...queryKeys.leaderboard.all, 'list', limit] as const,
  mine: (userId: string) => [...queryKeys.leaderboard.all, 'mine', userId] as const,
}
