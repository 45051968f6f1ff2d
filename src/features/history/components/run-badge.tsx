import { Badge } from '@/components/ui/badge'

/** Marks rows from before the last portfolio reset; rows of the current run stay unmarked. */
export function RunBadge({ run, currentRun }: { run: number; currentRun: number | undefined }) {
  if (currentRun === undefined || run >= currentRun) return null
  return (
    <Badge tone="warn" title={`From run ${run}, before a portfolio reset`}>
      Previous run {run}
    </Badge>
  )
}
