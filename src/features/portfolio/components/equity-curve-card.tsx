import { useMemo, useState } from 'react'
import { Card } from '@/components/ui/card'
import { QueryError } from '@/components/ui/query-error'
import { SegmentedControl, type Segment } from '@/components/ui/segmented-control'
import { Skeleton } from '@/components/ui/skeleton'
import { useDayCloses } from '../api/get-day-closes'
import type { EquityHistory } from '../api/get-equity-history'
import {
  buildDayEquityCurve,
  buildEquityCurve,
  downsample,
  withLivePoint,
  type EquityPoint,
} from '../lib/equity-curve'
import { EquityChart, type EquityReference } from './equity-chart'

const MAX_POINTS = 300

type EquityRange = '1D' | 'all'

const ranges: readonly Segment<EquityRange>[] = [
  { value: '1D', label: '1D' },
  { value: 'all', label: 'All' },
]

export function EquityCurveCard({
  userId,
  run,
  history,
  error,
  onRetry,
  startingCash,
  dayStart,
  previousClose,
  liveEquity,
  liveAt,
  fetchedAt,
}: {
  userId: string
  run: number
  history: EquityHistory | undefined
  error: Error | null
  onRetry: () => void
  startingCash: number
  /** The start of the trading day (00:00 UTC) the live equity belongs to. */
  dayStart: number
  /** A symbol's close of the day before, from the live quotes. */
  previousClose: (symbol: string) => number | undefined
  liveEquity: number
  /** When `liveEquity` was true (the newest quote). */
  liveAt: number
  fetchedAt: number
}) {
  const [range, setRange] = useState<EquityRange>('all')
  const runStart = history?.runStart ?? dayStart
  const since = Math.max(runStart, dayStart)
  const symbols = useMemo(
    () => [...new Set(history?.fills.map((fill) => fill.symbol))].sort(),
    [history],
  )
  const day = useDayCloses(userId, run, since, symbols, range === '1D' && history !== undefined)
  // The history part changes once a minute at most; only the live point moves per tick.
  const runCurve = useMemo(
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
  // The previous closes change once a day, the quotes they are read from every tick: by value,
  // so that today's curve is rebuilt when they change and not on every tick.
  const previousCloses = JSON.stringify(symbols.map((symbol) => previousClose(symbol) ?? null))
  const dayCurve = useMemo(() => {
    if (!history || !day.data) return []
    const closes = JSON.parse(previousCloses) as (number | null)[]
    const atDayStart = new Map(symbols.map((symbol, index) => [symbol, closes[index]]))
    return downsample(
      buildDayEquityCurve({
        startingCash,
        runStart: history.runStart,
        dayStart,
        fills: history.fills,
        closes: day.data,
        previousClose: (symbol) => atDayStart.get(symbol) ?? undefined,
        until: day.dataUpdatedAt,
      }),
      MAX_POINTS - 1,
    )
  }, [history, day.data, day.dataUpdatedAt, startingCash, dayStart, symbols, previousCloses])

  function chart(curve: readonly EquityPoint[], reference: EquityReference) {
    return <EquityChart points={withLivePoint(curve, liveAt, liveEquity)} reference={reference} />
  }

  let body
  let caption: string | null = null
  // Both ranges are drawn from the run's fills.
  if (error) body = <QueryError what="the equity curve" error={error} onRetry={onRetry} />
  else if (range === 'all') {
    if (history) {
      caption = `Since the run began, at market prices (${history.resolution === '1m' ? '1-minute' : 'daily'} closes)`
      body = chart(runCurve, { value: startingCash, label: 'starting cash' })
    }
  } else if (day.isLoadingError) {
    body = (
      <QueryError
        what="today’s equity curve"
        error={day.error}
        onRetry={() => void day.refetch()}
      />
    )
  } else if (history && day.data && dayCurve.length > 0) {
    caption = 'Today, at market prices (1-minute closes)'
    body = chart(dayCurve, {
      value: dayCurve[0].equity,
      label: runStart > dayStart ? 'starting cash' : 'previous close',
    })
  }

  return (
    <Card aria-labelledby="equity-curve-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="equity-curve-title" className="text-base font-semibold">
          Equity over time
        </h2>
        <SegmentedControl label="Equity range" value={range} options={ranges} onChange={setRange} />
      </div>
      {caption && <p className="-mt-1 text-xs text-muted">{caption}</p>}
      {body ?? (
        <div aria-busy="true" aria-label="Loading equity curve">
          <Skeleton className="h-48 w-full" />
        </div>
      )}
    </Card>
  )
}
