import { formatCompact, formatCurrency } from '@/lib/format'
import type { Stock } from '@/lib/models'
import { useQuote } from '@/lib/use-quote'
import { useCandles } from '../api/get-candles'
import { averageVolume, yearRange } from '../lib/year-range'

/**
 * The day's stats, live; the year's range and the 30-day average volume come from the chart's
 * 1Y candles (one shared query).
 */
export function KeyStats({ stock }: { stock: Stock }) {
  const quote = useQuote(stock.symbol)
  const daily = useCandles(stock.symbol, '1Y')
  const high = quote?.day_high ?? stock.day_high
  const low = quote?.day_low ?? stock.day_low
  const year = yearRange(daily.data, { high, low })
  const stats: Array<[string, string]> = [
    ['Open', formatCurrency(stock.day_open)],
    ['High', formatCurrency(high)],
    ['Low', formatCurrency(low)],
    ['Previous close', formatCurrency(quote?.previous_close ?? stock.previous_close)],
    ['Volume', formatCompact(quote?.volume ?? stock.volume)],
    ['Avg. volume (30 d)', formatCompact(averageVolume(daily.data) ?? stock.average_volume)],
    ['52-week high', formatCurrency(year?.high)],
    ['52-week low', formatCurrency(year?.low)],
  ]
  return (
    <section
      aria-labelledby="stats-heading"
      className="rounded-lg border border-border bg-surface p-4"
    >
      <h2 id="stats-heading" className="mb-3 text-sm font-semibold">
        Key stats
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {stats.map(([term, value]) => (
          <div key={term}>
            <dt className="text-xs text-muted">{term}</dt>
            <dd className="font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
