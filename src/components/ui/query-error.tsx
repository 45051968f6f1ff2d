import type { ReactNode } from 'react'
import { AlertTriangle } from 'lucide-react'
import { isNetworkError } from '@/lib/api/network-error'
import { Button } from './button'
import { EmptyState } from './empty-state'

/**
 * What a page shows when a query fails after its retries: the same words and the same "Try
 * again" everywhere. A network failure is said in plain words, never as "TypeError: Failed to
 * fetch"; other failures keep the server's message, which is meant for people.
 */
export function QueryError({
  what,
  error,
  onRetry,
  children,
  className,
}: {
  /** What could not be loaded, as it reads after "Could not load": "this stock". */
  what: string
  error: unknown
  onRetry: () => void
  /** More ways on, next to "Try again" (e.g. a link back to the market). */
  children?: ReactNode
  className?: string
}) {
  const message = (error as { message?: unknown } | null)?.message
  const detail = isNetworkError(error)
    ? 'Check your connection and try again.'
    : typeof message === 'string' && message !== ''
      ? message
      : 'Try again in a moment.'
  return (
    <div role="alert" className={className}>
      <EmptyState
        icon={<AlertTriangle className="size-8 text-warn" aria-hidden="true" />}
        title={`Could not load ${what}.`}
        className="border-solid border-down"
        action={
          <div className="flex flex-wrap items-center justify-center gap-3">
            <Button variant="secondary" onClick={onRetry}>
              Try again
            </Button>
            {children}
          </div>
        }
      >
        {detail}
      </EmptyState>
    </div>
  )
}
