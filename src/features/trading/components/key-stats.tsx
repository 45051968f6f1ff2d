import { formatCompact, formatCurrency } from '@/lib/format'
import type { Stock } from '@/lib/models'
import { useQuote } from '@/lib/use-quote'

export function KeyStats({ stock }: { stock: Stock }) {
  const quote = useQuote(stock.symbol)
  const stats: Array<[string, string]> = [
    ['Open', formatCurrency(stock.day_open)],
    ['High', formatCurrency(quote?.day_high ?? stock.day_high)],
    ['Low', formatCurrency(quote?.day_low ?? stock.day_low)],
    ['Previous close', formatCurrency(quote?.previous_close ?? stock.previous_close)],
    ['Volume', formatCompact(quote?.volume ?? stock.volume)],
  ]
  return (
    <section
      aria-labelledby="stats-heading"
      className="rounded-lg border border-border bg-surface p-4"
    >
      <h2 id="stats-heading" className="mb-3 text-sm font-semibold">
        Key stats
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
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
