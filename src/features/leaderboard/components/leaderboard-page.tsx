import { Trophy } from 'lucide-react'
import { Link } from 'react-router'
import { EmptyState } from '@/components/ui/empty-state'
import { PageTitle } from '@/components/ui/page-title'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { useProfile } from '@/lib/api/get-profile'
import { useUserId } from '@/lib/use-session'
import { LEADERBOARD_REFRESH_MS, useLeaderboard } from '../api/get-leaderboard'
import { useMyLeaderboardEntry } from '../api/get-my-leaderboard-entry'
import { LeaderboardTable } from './leaderboard-table'

const timeFormatter = new Intl.DateTimeFormat('en-US', { timeStyle: 'medium' })

export function LeaderboardPage() {
  const userId = useUserId()
  const leaderboard = useLeaderboard()
  const profile = useProfile(userId)
  const me = useMyLeaderboardEntry(userId)

  return (
    <div className="flex flex-col gap-4">
      <PageTitle>Leaderboard</PageTitle>
      <h1 className="text-2xl font-semibold">Leaderboard</h1>
      <div className="flex flex-col gap-1 text-sm text-muted">
        <p>
          Traders ranked by total return of their current run (equity at live prices against their
          starting cash). Only traders who opted in are listed, by display name — never by e-mail.
          Ranks refresh every {LEADERBOARD_REFRESH_MS / 1000} seconds.
        </p>
        {profile.data && (
          <p>
            {profile.data.show_on_leaderboard ? (
              <>
                You are listed as{' '}
                <span className="font-semibold text-fg">{profile.data.display_name}</span>
                {me.data && <>, rank {me.data.rank}</>}.{' '}
              </>
            ) : (
              'You are not listed. '
            )}
            <Link to="/account" className="font-medium text-link underline">
              {profile.data.show_on_leaderboard
                ? 'Change this in Account'
                : 'Join the leaderboard in Account'}
            </Link>
          </p>
        )}
      </div>

      {leaderboard.error ? (
        <QueryError
          what="the leaderboard"
          error={leaderboard.error}
          onRetry={() => void leaderboard.refetch()}
        />
      ) : !leaderboard.data ? (
        <div aria-busy="true" aria-label="Loading leaderboard" className="flex flex-col gap-2">
          {Array.from({ length: 8 }, (_, index) => (
            <Skeleton key={index} className="h-10 w-full" />
          ))}
        </div>
      ) : leaderboard.data.length === 0 ? (
        <EmptyState
          icon={<Trophy className="size-6" aria-hidden="true" />}
          title="Nobody is on the leaderboard yet"
        >
          Be the first: turn on “Show me on the leaderboard” in{' '}
          {/* Once the profile has loaded, the line above already links to Account. */}
          {profile.data ? (
            'Account'
          ) : (
            <Link to="/account" className="text-link underline">
              Account
            </Link>
          )}
          .
        </EmptyState>
      ) : (
        <>
          <LeaderboardTable entries={leaderboard.data} me={me.data ?? null} />
          <p className="text-xs text-muted">
            Updated {timeFormatter.format(leaderboard.dataUpdatedAt)}
          </p>
        </>
      )}
    </div>
  )
}
