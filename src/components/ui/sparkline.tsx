import { memo } from 'react'

/** A tiny inline SVG line of closing prices; decorative next to the numbers it summarises. */
export const Sparkline = memo(function Sparkline({
  values,
  width = 96,
  height = 28,
  baseline,
  label,
}: {
  values: readonly number[]
  width?: number
  height?: number
  /** A reference (previous close) that decides the colour: above → up, below → down. */
  baseline?: number
  label?: string
}) {
  if (values.length < 2) {
    return <svg width={width} height={height} aria-hidden="true" className="text-muted" />
  }
  const min = Math.min(...values, baseline ?? Infinity)
  const max = Math.max(...values, baseline ?? -Infinity)
  const span = max - min || 1
  const step = width / (values.length - 1)
  const y = (v: number) => height - 2 - ((v - min) / span) * (height - 4)
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${y(v).toFixed(1)}`).join(' ')
  const last = values[values.length - 1]
  const reference = baseline ?? values[0]
  const tone = last > reference ? 'text-up' : last < reference ? 'text-down' : 'text-muted'
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className={tone}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      {baseline !== undefined && (
        <line
          x1="0"
          x2={width}
          y1={y(baseline)}
          y2={y(baseline)}
          stroke="currentColor"
          strokeOpacity="0.3"
          strokeDasharray="2 2"
        />
      )}
      <polyline
        points={points}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
    </svg>
  )
})
