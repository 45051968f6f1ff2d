import { Card } from '@/components/ui/card'
import { PageTitle } from '@/components/ui/page-title'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { formatDateTime } from '@/lib/format'
import { useSession, useUserId } from '@/lib/use-session'
import { useSettings } from '../api/get-settings'
import { DeleteAccountSection } from './delete-account-section'
import { DisplayNameForm } from './display-name-form'
import { ExportDataSection } from './export-data-section'
import { GuestNotice } from './guest-notice'
import { LeaderboardToggle } from './leaderboard-toggle'
import { ResetPortfolioSection } from './reset-portfolio-section'

export function AccountPage() {
  const userId = useUserId()
  const session = useSession()
  const settings = useSettings(userId)
  const user = session.user
  const signInMethod = user?.is_anonymous ? 'Guest (anonymous)' : (user?.email ?? 'Signed in')

  return (
    <div className="flex max-w-3xl flex-col gap-5">
      <PageTitle>Account</PageTitle>
      <h1 className="text-2xl font-semibold">Account</h1>
      {settings.error ? (
        <QueryError
          what="your account"
          error={settings.error}
          onRetry={() => void settings.refetch()}
        />
      ) : !settings.data ? (
        <div aria-busy="true" aria-label="Loading account" className="flex flex-col gap-4">
          <Skeleton className="h-32 w-full" />
          <Skeleton className="h-24 w-full" />
          <Skeleton className="h-48 w-full" />
        </div>
      ) : (
        <>
          <Card aria-labelledby="profile-title" className="flex flex-col gap-4">
            <div>
              <h2 id="profile-title" className="text-lg font-semibold">
                Profile
              </h2>
              <p className="text-sm text-muted">
                {signInMethod} · member since {formatDateTime(settings.data.created_at)}
              </p>
            </div>
            {user?.is_anonymous && <GuestNotice />}
            <DisplayNameForm
              key={settings.data.display_name}
              userId={userId}
              current={settings.data.display_name}
            />
          </Card>
          <Card aria-labelledby="leaderboard-title" className="flex flex-col gap-3">
            <h2 id="leaderboard-title" className="text-lg font-semibold">
              Leaderboard
            </h2>
            <LeaderboardToggle userId={userId} checked={settings.data.show_on_leaderboard} />
          </Card>
          <Card aria-labelledby="data-title" className="flex flex-col gap-5">
            <h2 id="data-title" className="text-lg font-semibold">
              Your data
            </h2>
            <ExportDataSection />
            <ResetPortfolioSection
              startingCash={settings.data.starting_cash}
              run={settings.data.current_run}
            />
          </Card>
          <Card aria-labelledby="danger-title" className="flex flex-col gap-3 border-down">
            <h2 id="danger-title" className="text-lg font-semibold text-down">
              Danger zone
            </h2>
            <DeleteAccountSection />
          </Card>
        </>
      )}
    </div>
  )
}
