import { cn } from './cn'
import { formatCurrency } from '@/lib/format'

/**
 * A price in tabular figures. When `flashKey` changes the inner span remounts, restarting the
 * CSS flash animation without any timers or extra renders.
 */
export function Price({
  value,
  direction = 'flat',
  flashKey,
  stale = false,
  className,
}: {
  value: number | string | null | undefined
  direction?: 'up' | 'down' | 'flat'
  flashKey?: number
  stale?: boolean
  className?: string
}) {
  const flash = flashKey
    ? direction === 'up'
      ? 'flash-up'
      : direction === 'down'
        ? 'flash-down'
        : ''
    : ''
  return (
    <span
      key={flashKey}
      className={cn('rounded px-1 tabular-nums', flash, stale && 'opacity-70', className)}
      title={stale ? 'Price may be out of date' : undefined}
    >
      {formatCurrency(value)}
    </span>
  )
}
