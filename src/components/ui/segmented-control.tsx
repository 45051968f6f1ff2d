import { useRef } from 'react'
import type { KeyboardEvent } from 'react'
import { cn } from './cn'

/** `tone` colours the segment when selected: buy (up) or sell (down). */
export type Segment<T extends string> = { value: T; label: string; tone?: 'buy' | 'sell' }

const selected = {
  // Raised: a lighter surface than the track, with an edge, in both themes.
  neutral: 'border-raised-border bg-raised text-fg shadow-sm',
  buy: 'border-transparent bg-buy text-white shadow-sm',
  sell: 'border-transparent bg-sell text-white shadow-sm',
}

/**
 * A radio group drawn as buttons (ranges, buy/sell, order type). Arrow keys move and select,
 * as the ARIA radio group pattern expects; only the checked item is in the tab order.
 */
export function SegmentedControl<T extends string>({
  label,
  value,
  options,
  onChange,
  className,
  size = 'sm',
}: {
  label: string
  value: T
  options: readonly Segment<T>[]
  onChange: (value: T) => void
  className?: string
  size?: 'sm' | 'md'
}) {
  const refs = useRef<Array<HTMLButtonElement | null>>([])

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const delta =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? -1
          : 0
    if (delta === 0) return
    event.preventDefault()
    const next = (index + delta + options.length) % options.length
    onChange(options[next].value)
    refs.current[next]?.focus()
  }

  return (
    <div
      role="radiogroup"
      aria-label={label}
      className={cn('inline-flex rounded-md border border-border bg-surface-2 p-0.5', className)}
    >
      {options.map((option, index) => {
        const checked = option.value === value
        return (
          <button
            key={option.value}
            ref={(node) => {
              refs.current[index] = node
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            data-tone={option.tone}
            tabIndex={checked ? 0 : -1}
            onClick={() => onChange(option.value)}
            onKeyDown={(event) => onKeyDown(event, index)}
            className={cn(
              'flex-1 rounded border px-3 font-medium whitespace-nowrap transition-colors',
              size === 'sm' ? 'h-7 text-xs' : 'h-9 text-sm',
              checked
                ? selected[option.tone ?? 'neutral']
                : 'border-transparent text-muted hover:text-fg',
            )}
          >
            {option.label}
          </button>
        )
      })}
    </div>
  )
}
