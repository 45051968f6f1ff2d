import { useId } from 'react'
import { formatCurrency, formatDateTime } from '@/lib/format'
import type { EquityPoint } from '../lib/equity-curve'

const WIDTH = 600
const HEIGHT = 200

/**
 * An SVG area chart of equity over time with a dashed starting-cash line. The picture is
 * summarised in its accessible name (start, now, high, low); the numbers around it are text.
 */
export function EquityChart({
  points,
  startingCash,
}: {
  points: readonly EquityPoint[]
  startingCash: number
}) {
  // useId() contains characters that url(#...) would need escaped.
  const gradientId = `equity-fill-${useId().replace(/[^\w-]/g, '')}`
  const first = points[0]
  const last = points[points.length - 1]
  const values = points.map((point) => point.equity)
  const high = Math.max(...values)
  const low = Math.min(...values)
  const min = Math.min(low, startingCash)
  const max = Math.max(high, startingCash)
  // Pad the range, and never zoom in below 0.5 % of the starting cash: a $1 wobble on
  // $100,000 should look flat, not like a crash.
  const pad = Math.max((max - min) * 0.1, (startingCash * 0.005 - (max - min)) / 2, 1)
  const top = max + pad
  const bottom = min - pad
  const span = Math.max(1, last.at - first.at)
  const x = (at: number) => ((at - first.at) / span) * WIDTH
  const y = (value: number) => ((top - value) / (top - bottom)) * HEIGHT
  const line = points.map((point) => `${x(point.at).toFixed(1)},${y(point.equity).toFixed(1)}`)
  const up = last.equity >= startingCash
  const tone = up ? 'text-up' : 'text-down'
  const summary = `Equity from ${formatCurrency(first.equity)} on ${formatDateTime(first.at)} to ${formatCurrency(last.equity)} now; high ${formatCurrency(high)}, low ${formatCurrency(low)}.`

  return (
    <figure className="flex flex-col gap-1">
      <div className="flex justify-between text-xs text-muted tabular-nums">
        <span>High {formatCurrency(high)}</span>
        <span>Low {formatCurrency(low)}</span>
      </div>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={summary}
        className={`h-48 w-full ${tone}`}
      >
        <defs>
          <linearGradient id={gradientId} x1="0" x2="0" y1="0" y2="1">
            <stop offset="0%" stopColor="currentColor" stopOpacity="0.25" />
            <stop offset="100%" stopColor="currentColor" stopOpacity="0" />
          </linearGradient>
        </defs>
        <line
          x1="0"
          x2={WIDTH}
          y1={y(startingCash)}
          y2={y(startingCash)}
          stroke="var(--muted)"
          strokeDasharray="4 4"
          strokeWidth="1"
          vectorEffect="non-scaling-stroke"
        />
        <polygon
          points={`0,${HEIGHT} ${line.join(' ')} ${x(last.at).toFixed(1)},${HEIGHT}`}
          fill={`url(#${gradientId})`}
        />
        <polyline
          points={line.join(' ')}
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinejoin="round"
          vectorEffect="non-scaling-stroke"
        />
      </svg>
      {/* On phones the legend takes a line of its own under the two ends of the time axis. */}
      <figcaption className="flex flex-wrap justify-between gap-x-2 text-xs text-muted">
        <span className="whitespace-nowrap">{formatDateTime(first.at)}</span>
        <span
          aria-hidden="true"
          className="order-last w-full text-center sm:order-none sm:w-auto sm:text-left"
        >
          - - - starting cash {formatCurrency(startingCash)}
        </span>
        <span>Now</span>
      </figcaption>
    </figure>
  )
}
