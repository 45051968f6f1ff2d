import { Card } from '@/components/ui/card'
import { formatMoney } from '@/lib/format'
import type { AllocationSlice } from '../lib/holdings'

/**
 * Distinct hues that keep 3:1 contrast against both themes' surfaces (WCAG 1.4.11); the legend
 * carries every number, so colour is never the only way to read the chart.
 */
const COLORS = [
  '#2563eb',
  '#d97706',
  '#059669',
  '#db2777',
  '#7c3aed',
  '#0891b2',
  '#dc2626',
  '#65a30d',
]
const CASH_COLOR = '#64748b'
const RADIUS = 15.915_494 // circumference 100, so dash lengths are percentages
const MAX_SLICES = 7

const shareFormatter = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
})

/** Folds small holdings into "Other" so the donut stays readable. */
function displaySlices(slices: readonly AllocationSlice[]): AllocationSlice[] {
  const stocks = slices.filter((slice) => slice.label !== 'Cash')
  const cash = slices.filter((slice) => slice.label === 'Cash')
  if (stocks.length <= MAX_SLICES) return [...stocks, ...cash]
  const kept = stocks.slice(0, MAX_SLICES - 1)
  const rest = stocks.slice(MAX_SLICES - 1)
  const other = {
    label: `Other (${rest.length})`,
    value: rest.reduce((sum, slice) => sum + slice.value, 0),
    share: rest.reduce((sum, slice) => sum + slice.share, 0),
  }
  return [...kept, other, ...cash]
}

export function AllocationChart({ slices }: { slices: readonly AllocationSlice[] }) {
  const shown = displaySlices(slices)
  const arcs = shown.map((slice, index) => ({
    ...slice,
    color: slice.label === 'Cash' ? CASH_COLOR : COLORS[index % COLORS.length],
    dash: slice.share * 100,
    // Each arc starts where the previous ones end.
    offset: shown.slice(0, index).reduce((sum, previous) => sum + previous.share * 100, 0),
  }))
  const description = shown
    .map((slice) => `${slice.label} ${shareFormatter.format(slice.share)}`)
    .join(', ')

  return (
    <Card aria-labelledby="allocation-title" className="flex flex-col gap-3">
      <h2 id="allocation-title" className="text-base font-semibold">
        Allocation
      </h2>
      {shown.length === 0 ? (
        <p className="text-sm text-muted">Nothing to allocate yet.</p>
      ) : (
        <div className="flex flex-col items-center gap-4 sm:flex-row lg:flex-col xl:flex-row">
          <svg
            viewBox="0 0 42 42"
            role="img"
            aria-label={`Allocation by market value: ${description}.`}
            className="size-36 shrink-0 -rotate-90"
          >
            {arcs.map((arc) => (
              <circle
                key={arc.label}
                cx="21"
                cy="21"
                r={RADIUS}
                fill="none"
                stroke={arc.color}
                strokeWidth="6"
                strokeDasharray={`${arc.dash} ${100 - arc.dash}`}
                strokeDashoffset={-arc.offset}
              />
            ))}
          </svg>
          <ul className="flex w-full flex-col gap-1.5 text-sm" aria-label="Allocation legend">
            {arcs.map((arc) => (
              <li key={arc.label} className="flex items-center gap-2">
                <span
                  aria-hidden="true"
                  className="size-3 shrink-0 rounded-sm"
                  style={{ backgroundColor: arc.color }}
                />
                <span className="font-medium">{arc.label}</span>
                <span className="ml-auto tabular-nums text-muted">{formatMoney(arc.value)}</span>
                <span className="w-14 text-right tabular-nums">
                  {shareFormatter.format(arc.share)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  )
}
