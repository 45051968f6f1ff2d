import { useImperativeHandle, useLayoutEffect, useRef } from 'react'
import type { Ref } from 'react'
import { cn } from './cn'
import { flashPrice } from './price-flash'
import { formatCurrency } from '@/lib/format'

/**
 * A price in tabular figures. When `flashKey` changes (not on mount) the price flashes the
 * colour of `direction` for a moment.
 */
export function Price({
  value,
  direction = 'flat',
  flashKey,
  stale = false,
  className,
  ref,
}: {
  value: number | string | null | undefined
  direction?: 'up' | 'down' | 'flat'
  flashKey?: number
  stale?: boolean
  className?: string
  /** The span, for callers that write live prices into it themselves (the market table). */
  ref?: Ref<HTMLSpanElement>
}) {
  const span = useRef<HTMLSpanElement>(null)
  // Set before layout effects run, so the handle is never null.
  useImperativeHandle(ref, () => span.current!, [])
  const shownKey = useRef(flashKey)
  useLayoutEffect(() => {
    if (flashKey === shownKey.current) return
    shownKey.current = flashKey
    if (span.current) flashPrice(span.current, direction)
  }, [flashKey, direction])
  return (
    <span
      ref={span}
      className={cn('repaint-in-place rounded px-1 tabular-nums', stale && 'opacity-70', className)}
      title={stale ? 'Price may be out of date' : undefined}
    >
      {formatCurrency(value)}
    </span>
  )
}
