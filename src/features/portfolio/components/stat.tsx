import type { ReactNode } from 'react'
import { cn } from '@/components/ui/cn'

/** One labelled figure of the summary; a <dl> pair so the label is announced with the value. */
export function Stat({
  label,
  value,
  detail,
  className,
}: {
  label: string
  value: ReactNode
  detail?: ReactNode
  className?: string
}) {
  return (
    <div className={cn('rounded-lg border border-border bg-surface p-3 sm:p-4', className)}>
      <dt className="text-xs font-medium text-muted sm:text-sm">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums sm:text-xl">{value}</dd>
      {detail && <dd className="mt-0.5 text-xs tabular-nums sm:text-sm">{detail}</dd>}
    </div>
  )
}
