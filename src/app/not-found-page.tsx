import { Link } from 'react-router'
import { EmptyState } from '@/components/ui/empty-state'
import { PageTitle } from '@/components/ui/page-title'
import { SearchX } from 'lucide-react'

export function NotFoundPage() {
  return (
    <div className="py-10">
      <PageTitle>Page not found</PageTitle>
      <h1 className="sr-only">Page not found</h1>
      <EmptyState
        icon={<SearchX className="size-10" aria-hidden="true" />}
        title="This page does not exist"
        action={
          <Link to="/" className="text-sm font-medium text-link underline">
            Back to the market
          </Link>
        }
      >
        The address may be mistyped, or the page has moved.
      </EmptyState>
    </div>
  )
}
