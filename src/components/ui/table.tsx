import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react'
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react'
import { cn } from './cn'

/**
 * `relative` contains sr-only header text (absolutely positioned), which otherwise widens phone
 * pages. A table that always fits its width (table-fixed) can pass `fits`: the box then clips
 * instead of scrolling, and since it is no scroll container a sticky header sticks to the page.
 */
export function TableContainer({
  className,
  fits = false,
  ...rest
}: HTMLAttributes<HTMLDivElement> & { fits?: boolean }) {
  return (
    <div
      className={cn(
        'relative w-full rounded-lg border border-border bg-surface',
        fits ? 'overflow-x-clip' : 'overflow-x-auto',
        className,
      )}
      {...rest}
    />
  )
}

export function Table({ className, ...rest }: HTMLAttributes<HTMLTableElement>) {
  return <table className={cn('w-full border-collapse text-sm', className)} {...rest} />
}

export function THead({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cn('bg-surface-2 text-left text-xs text-muted', className)} {...rest} />
}

export function TBody(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody {...props} />
}

export function Tr({ className, ...rest }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn('border-t border-border first:border-t-0', className)} {...rest} />
}

export function Th({ className, ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cn('px-3 py-2 font-medium', className)} {...rest} />
}

export function Td({ className, ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn('px-3 py-2', className)} {...rest} />
}

export type SortDirection = 'asc' | 'desc'

/** A header cell whose button sorts the column; aria-sort tells assistive tech the state. */
export function SortableTh({
  children,
  active,
  direction,
  onSort,
  align = 'left',
  className,
}: {
  children: ReactNode
  active: boolean
  direction: SortDirection
  onSort: () => void
  align?: 'left' | 'right'
  className?: string
}) {
  const Icon = !active ? ArrowUpDown : direction === 'asc' ? ArrowUp : ArrowDown
  return (
    <th
      scope="col"
      aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={cn('px-1 py-1 font-medium', align === 'right' && 'text-right', className)}
    >
      <button
        type="button"
        onClick={onSort}
        className={cn(
          'inline-flex items-center gap-1 rounded px-2 py-1 whitespace-nowrap hover:text-fg',
          active && 'text-fg',
          align === 'right' && 'flex-row-reverse',
        )}
      >
        {children}
        <Icon className="size-3.5" aria-hidden="true" />
      </button>
    </th>
  )
}
