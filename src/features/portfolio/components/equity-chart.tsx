import { useId } from 'react'
import { formatDateTime, formatMoney } from '@/lib/format'
import type { EquityPoint } from '../lib/equity-curve'

const WIDTH = 600
const HEIGHT = 200
// The reference line: another hue than the green/red curve in both themes, and dashed.
const BASELINE_COLOR = 'var(--link)'
const BASELINE_DASH = '6 4'

/** A legend sample drawn like the line it names. */
function LegendSwatch({ stroke, width, dash }: { stroke: string; width: number; dash?: string }) {
  return (
    <svg viewBox="0 0 20 4" className="h-1 w-5 shrink-0">
      <line
        x1="0"
        x2="20"
        y1="2"
        y2="2"
        stroke={stroke}
        strokeWidth={width}
        strokeDasharray={dash}
      />
    </svg>
  )
}

/** What the curve is measured against: the starting cash, or the equity at the day's start. */
export interface EquityReference {
  value: number
  label: string
}

/**
 * An SVG area chart of equity over time with a dashed reference line; the curve is green above
 * it and red below. The picture is summarised in its accessible name (start, now, high, low);
 * the numbers around it are text.
 */
export function EquityChart({
  points,
  reference,
}: {
  points: readonly EquityPoint[]
  reference: EquityReference
}) {
  // useId() contains characters that url(#...) would need escaped.
  const gradientId = `equity-fill-${useId().replace(/[^\w-]/g, '')}`
  const first = points[0]
  const last = points[points.length - 1]
  const values = points.map((point) => point.equity)
  const high = Math.max(...values)
  const low = Math.min(...values)
  const min = Math.min(low, reference.value)
  const max = Math.max(high, reference.value)
  // Fit the curve and the reference with a 10 % margin, so a few dollars on $100,000 show as a
  // move (the High/Low labels and the dashed line give the scale). The floor of 0.01 % of the
  // reference keeps cent-level noise from filling the chart.
  const pad = Math.max((max - min) * 0.1, (reference.value * 0.0001 - (max - min)) / 2, 0.5)
  const top = max + pad
  const bottom = min - pad
  const span = Math.max(1, last.at - first.at)
  const x = (at: number) => ((at - first.at) / span) * WIDTH
  const y = (value: number) => ((top - value) / (top - bottom)) * HEIGHT
  const line = points.map((point) => `${x(point.at).toFixed(1)},${y(point.equity).toFixed(1)}`)
  const up = last.equity >= reference.value
  const tone = up ? 'text-up' : 'text-down'
  const summary = `Equity from ${formatMoney(first.equity)} on ${formatDateTime(first.at)} to ${formatMoney(last.equity)} now; high ${formatMoney(high)}, low ${formatMoney(low)}.`

  return (
    <figure className="flex flex-col gap-1">
      {/* High over the curve and Low under it, where they sit on the chart's scale. */}
      <p className="text-xs text-muted tabular-nums">High {formatMoney(high)}</p>
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
          y1={y(reference.value)}
          y2={y(reference.value)}
          stroke={BASELINE_COLOR}
          strokeDasharray={BASELINE_DASH}
          strokeWidth="1.5"
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
      <p className="text-xs text-muted tabular-nums">Low {formatMoney(low)}</p>
      {/* On phones the legend takes a line of its own under the two ends of the time axis. */}
      <figcaption className="flex flex-wrap justify-between gap-x-2 text-xs text-muted">
        <span className="whitespace-nowrap">{formatDateTime(first.at)}</span>
        <span
          aria-hidden="true"
          className="order-last flex w-full items-center justify-center gap-3 sm:order-none sm:w-auto"
        >
          <span className={`flex items-center gap-1 ${tone}`}>
            <LegendSwatch stroke="currentColor" width={2} />
            <span className="text-muted">equity</span>
          </span>
          <span className="flex items-center gap-1">
            <LegendSwatch stroke={BASELINE_COLOR} width={1.5} dash={BASELINE_DASH} />
            {reference.label} {formatMoney(reference.value)}
          </span>
        </span>
        <span>Now</span>
      </figcaption>
    </figure>
  )
}
