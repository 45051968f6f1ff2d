import { ChevronLeft, ChevronRight } from 'lucide-react'
import { Button } from '@/components/ui/button'

const countFormatter = new Intl.NumberFormat('en-US')
const endClass = 'aria-disabled:cursor-not-allowed aria-disabled:opacity-60'

export function Pagination({
  page,
  pageSize,
  total,
  onPage,
  label,
}: {
  page: number
  pageSize: number
  total: number
  onPage: (page: number) => void
  label: string
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1
  const last = Math.min(total, page * pageSize)
  const atFirst = page <= 1
  const atLast = page >= pages
  return (
    <nav
      aria-label={`${label} pages`}
      className="flex flex-wrap items-center justify-between gap-3"
    >
      <p className="text-sm text-muted" aria-live="polite">
        Showing {countFormatter.format(first)}–{countFormatter.format(last)} of{' '}
        {countFormatter.format(total)}
      </p>
      {/* aria-disabled rather than disabled at the ends: the button that reached the last page
          keeps the keyboard focus instead of dropping it on <body>. */}
      <div className="flex items-center gap-2">
        <Button
          variant="secondary"
          size="sm"
          onClick={() => !atFirst && onPage(page - 1)}
          aria-disabled={atFirst}
          className={endClass}
          aria-label="Previous page"
        >
          <ChevronLeft className="size-4" aria-hidden="true" />
          Previous
        </Button>
        <span className="text-sm whitespace-nowrap tabular-nums">
          Page {page} of {pages}
        </span>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => !atLast && onPage(page + 1)}
          aria-disabled={atLast}
          className={endClass}
          aria-label="Next page"
        >
          Next
          <ChevronRight className="size-4" aria-hidden="true" />
        </Button>
      </div>
    </nav>
  )
}
