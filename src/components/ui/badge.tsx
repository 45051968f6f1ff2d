import type { HTMLAttributes } from 'react'
import { cn } from './cn'

export type BadgeTone = 'neutral' | 'up' | 'down' | 'warn' | 'info'

// Text on a tint: the up tone uses up-strong, because light-theme --up on --up-tint is below 4.5:1.
const tones: Record<BadgeTone, string> = {
  neutral: 'bg-surface-2 text-fg',
  up: 'bg-up-tint text-up-strong',
  down: 'bg-down-tint text-down',
  warn: 'bg-warn-tint text-warn',
  info: 'bg-surface-2 text-link',
}

export function Badge({
  tone = 'neutral',
  className,
  ...rest
}: HTMLAttributes<HTMLSpanElement> & { tone?: BadgeTone }) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium',
        tones[tone],
        className,
      )}
      {...rest}
    />
  )
}
