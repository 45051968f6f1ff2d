import { Briefcase } from 'lucide-react'
import { Link } from 'react-router'
import { EmptyState } from '@/components/ui/empty-state'
import { formatSignedCurrency, signClass } from '@/lib/format'
import type { Account } from '../api/get-account'
import { useEquityHistory } from '../api/get-equity-history'
import type { PositionRow } from '../api/get-positions'
import { HoldingsTable } from './holdings-table'

export function HoldingsSection({
  userId,
  account,
  positions,
}: {
  userId: string
  account: Account
  positions: readonly PositionRow[]
}) {
  // The run's fills, shared with the equity curve (one query): each holding's change today.
  const history = useEquityHistory(userId, account)
  const open = positions.filter((position) => position.quantity > 0)
  // Closed positions (sold down to zero) still count towards this run's realized P&L.
  const realized = positions.reduce((sum, position) => sum + position.realizedPnl, 0)
  return (
    <section aria-labelledby="holdings-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="holdings-title" className="text-lg font-semibold">
          Holdings
        </h2>
        <p className="text-sm text-muted">
          Realized P&amp;L this run:{' '}
          <span className={`font-medium tabular-nums ${signClass(realized)}`}>
            {formatSignedCurrency(realized)}
          </span>
        </p>
      </div>
      {open.length === 0 ? (
        <EmptyState
          icon={<Briefcase className="size-6" aria-hidden="true" />}
          title="You have no holdings yet"
          action={
            <Link
              to="/"
              className="inline-flex h-10 items-center rounded-md bg-primary px-4 text-sm font-medium text-primary-fg hover:bg-primary-hover"
            >
              Browse the market
            </Link>
          }
        >
          Find a stock on the Market page and buy it with your virtual cash; it will show up here
          with its live value and profit and loss.
        </EmptyState>
      ) : (
        <HoldingsTable positions={open} fills={history.data?.fills} />
      )}
    </section>
  )
}
