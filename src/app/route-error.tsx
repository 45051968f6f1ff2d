import { AlertTriangle } from 'lucide-react'
import { isRouteErrorResponse, Link, useRouteError } from 'react-router'
import { Button } from '@/components/ui/button'
import { logger } from '@/lib/logger'
import { useEffect } from 'react'

/** The router's error boundary: a plain sentence and a way out, never a stack trace. */
export function RouteError() {
  const error = useRouteError()
  useEffect(() => {
    logger.error('route error', { error: error instanceof Error ? error.message : String(error) })
  }, [error])
  return <ErrorScreen error={error} />
}

export function ErrorScreen({ error }: { error: unknown }) {
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error'
  return (
    <div
      role="alert"
      className="mx-auto flex max-w-lg flex-col items-center gap-4 px-4 py-16 text-center"
    >
      <AlertTriangle className="size-10 text-warn" aria-hidden="true" />
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="text-sm text-muted">
        The page hit an unexpected problem: {message}. Reloading usually fixes it.
      </p>
      <div className="flex gap-3">
        <Button onClick={() => window.location.reload()}>Reload</Button>
        <Link
          to="/"
          reloadDocument
          className="inline-flex h-10 items-center rounded-md border border-border px-4 text-sm font-medium hover:bg-surface-2"
        >
          Go to market
        </Link>
      </div>
    </div>
  )
}
