import { useMemo, useState } from 'react'
import { SegmentedControl } from '@/components/ui/segmented-control'
import { Skeleton } from '@/components/ui/skeleton'
import { useQuote } from '@/lib/use-quote'
import { useTheme } from '@/lib/theme'
import { useCandles } from '../api/get-candles'
import { useSymbolFills } from '../api/get-symbol-fills'
import type { ChartRange } from '../api/keys'
import { toBar, tradeMarks } from './candle-bars'
import type { Resolution } from './candle-bars'
import { CandleChart } from './candle-chart'

const ranges = [
  { value: '1D', label: '1D' },
  { value: '1W', label: '1W' },
  { value: '1M', label: '1M' },
  { value: '1Y', label: '1Y' },
] as const

const rangeNames: Record<ChartRange, string> = {
  '1D': 'today, 1-minute candles',
  '1W': 'past week, daily candles',
  '1M': 'past month, daily candles',
  '1Y': 'past year, daily candles',
}

/** 1W's name once it has hours (get-candles.ts weekCandles): days first only when there are. */
const weekName = (withDays: boolean) =>
  withDays ? 'past week, daily then hourly candles' : 'past week, hourly candles'

export function PriceChart({
  symbol,
  dayOpen,
  previousClose,
  userId,
}: {
  symbol: string
  dayOpen: number
  /** The stock row's; a live quote's takes over (it moves at the day's roll-over). */
  previousClose: number
  /** Signed in: the user's trades in this stock are marked on the bars. */
  userId: string | null
}) {
  const [range, setRange] = useState<ChartRange>('1D')
  const candles = useCandles(symbol, range)
  const quote = useQuote(symbol)
  const theme = useTheme()
  const bars = useMemo(() => (candles.data ?? []).map(toBar), [candles.data])
  const hoursAt = candles.data?.findIndex((candle) => candle.interval === '1h') ?? -1
  const resolution: Resolution = range === '1D' ? 'minute' : hoursAt >= 0 ? 'hour' : 'day'
  const name = resolution === 'hour' ? weekName(hoursAt > 0) : rangeNames[range]
  const hourlyFrom = hoursAt >= 0 ? bars[hoursAt]?.time : undefined
  const fills = useSymbolFills(userId, symbol)
  const trades = useMemo(
    () => tradeMarks(fills.data ?? [], bars, resolution, hourlyFrom),
    [fills.data, bars, resolution, hourlyFrom],
  )

  return (
    <section
      aria-labelledby="chart-heading"
      className="rounded-lg border border-border bg-surface p-3 sm:p-4"
    >
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id="chart-heading" className="text-sm font-semibold">
          Price chart
        </h2>
        <SegmentedControl label="Chart range" value={range} options={ranges} onChange={setRange} />
      </div>
      {candles.isPending ? (
        <Skeleton className="h-80 w-full" />
      ) : candles.isLoadingError ? (
        <p role="alert" className="flex h-80 items-center justify-center text-sm text-muted">
          Could not load the chart: {candles.error.message}
        </p>
      ) : (
        <CandleChart
          bars={bars}
          quote={quote}
          dayOpen={dayOpen}
          theme={theme}
          resolution={resolution}
          hourlyFrom={hourlyFrom}
          baseline={range === '1D' ? (quote?.previous_close ?? previousClose) : undefined}
          label={`${symbol} candlestick chart, ${name}`}
          trades={trades}
        />
      )}
      <p className="mt-2 text-right text-xs text-muted">
        Chart by{' '}
        <a
          href="https://www.tradingview.com/"
          className="underline"
          target="_blank"
          rel="noreferrer"
        >
          TradingView Lightweight Charts
        </a>
      </p>
    </section>
  )
}
