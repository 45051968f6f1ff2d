import { useMemo } from 'react'
import { startOfTradingDay } from '@/lib/day-change'
import type { Account } from '../api/get-account'
import { useEquityHistory } from '../api/get-equity-history'
import type { PositionRow } from '../api/get-positions'
import { useValuation } from '../hooks/use-valuation'
import { dayStartEquity } from '../lib/equity-curve'
import { allocationSlices } from '../lib/holdings'
import { AccountSummary } from './account-summary'
import { AllocationChart } from './allocation-chart'
import { EquityCurveCard } from './equity-curve-card'

/** Everything valued at live prices: re-renders on each tick, so it holds no tables. */
export function LiveOverview({
  userId,
  account,
  positions,
  onRetry,
}: {
  userId: string
  account: Account
  positions: readonly PositionRow[]
  /** Retries what failed on the page, the equity curve's read among it. */
  onRetry: () => void
}) {
  const { holdings, summary, quotes, asOf } = useValuation(account, positions)
  const history = useEquityHistory(userId, account)

  const now = Math.max(asOf, history.dataUpdatedAt)
  const dayStart = startOfTradingDay(now)
  const baseline = useMemo(() => {
    if (!history.data) return null
    return dayStartEquity({
      startingCash: account.starting_cash,
      fills: history.data.fills,
      dayStart,
      previousClose: (symbol) => quotes.get(symbol)?.previous_close,
    })
  }, [history.data, account.starting_cash, quotes, dayStart])

  const dayChange = baseline === null ? null : summary.equity - baseline
  const dayChangePct = baseline === null || baseline === 0 ? null : (dayChange ?? 0) / baseline
  const slices = allocationSlices(holdings, summary.cash)

  return (
    <>
      <AccountSummary summary={summary} dayChange={dayChange} dayChangePct={dayChangePct} />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <EquityCurveCard
            userId={userId}
            run={account.current_run}
            history={history.data}
            // Only with no curve to show: a failed refresh keeps the one on screen.
            error={history.isLoadingError ? history.error : null}
            onRetry={onRetry}
            startingCash={account.starting_cash}
            dayStart={dayStart}
            previousClose={(symbol) => quotes.get(symbol)?.previous_close}
            liveEquity={summary.equity}
            liveAt={now}
            fetchedAt={history.dataUpdatedAt}
          />
        </div>
        <AllocationChart slices={slices} />
      </div>
    </>
  )
}
