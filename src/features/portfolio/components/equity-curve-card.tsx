import { useMemo } from 'react'
import { Card } from '@/components/ui/card'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import type { EquityHistory } from '../api/get-equity-history'
import { buildEquityCurve, downsample, withLivePoint } from '../lib/equity-curve'
import { EquityChart } from './equity-chart'

const MAX_POINTS = 300

export function EquityCurveCard({
  history,
  error,
  onRetry,
  startingCash,
  liveEquity,
  liveAt,
  fetchedAt,
}: {
  history: EquityHistory | undefined
  error: Error | null
  onRetry: () => void
  startingCash: number
  liveEquity: number
  /** When `liveEquity` was true (the newest quote). */
  liveAt: number
  fetchedAt: number
}) {
  // The history part changes once a minute at most; only the live point moves per tick.
  const curve = useMemo(
    () =>
      history
        ? downsample(
            buildEquityCurve({
              startingCash,
              runStart: history.runStart,
              fills: history.fills,
              closes: history.closes,
              until: fetchedAt,
            }),
            MAX_POINTS - 1,
          )
        : [],
    [history, startingCash, fetchedAt],
  )
  const points = history ? withLivePoint(curve, liveAt, liveEquity) : []

  return (
    <Card aria-labelledby="equity-curve-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="equity-curve-title" className="text-base font-semibold">
          Equity over time
        </h2>
        {history && (
          <p className="text-xs text-muted">
            Valued at market prices ({history.resolution === '1m' ? '1-minute' : 'daily'} closes)
          </p>
        )}
      </div>
      {error ? (
        <QueryError what="the equity curve" error={error} onRetry={onRetry} />
      ) : !history ? (
        <div aria-busy="true" aria-label="Loading equity curve">
          <Skeleton className="h-48 w-full" />
        </div>
      ) : (
        <EquityChart points={points} startingCash={startingCash} />
      )}
    </Card>
  )
}
