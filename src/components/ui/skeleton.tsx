import { cn } from './cn'

/** A grey placeholder block; decorative, the surrounding region carries aria-busy. */
export function Skeleton({ className }: { className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        'block animate-pulse rounded bg-surface-2 motion-reduce:animate-none',
        className,
      )}
    />
  )
}
