import { Download } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { toast } from '@/components/ui/toast-store'
import { useExportHistory } from '../api/export-history'
import type { ListFilters } from '../api/query-filters'
import { downloadText } from '@/lib/download'
import type { HistoryView } from '../lib/filters'

export function ExportCsvButton({
  userId,
  view,
  filters,
  currentRun,
}: {
  userId: string
  view: HistoryView
  filters: ListFilters
  currentRun: number | undefined
}) {
  const exporting = useExportHistory(userId)

  function start() {
    if (currentRun === undefined) return
    exporting.mutate(
      { view, filters, currentRun },
      {
        onSuccess: ({ csv, rows, filename }) => {
          downloadText(filename, csv, 'text/csv;charset=utf-8')
          toast({
            title: 'CSV exported',
            description: `${rows} ${view === 'fills' ? 'fills' : 'orders'} in ${filename}`,
            tone: 'success',
          })
        },
        onError: (error) =>
          toast({ title: 'Export failed', description: error.message, tone: 'error' }),
      },
    )
  }

  return (
    <Button
      variant="secondary"
      onClick={start}
      loading={exporting.isPending}
      disabled={currentRun === undefined}
    >
      <Download className="size-4" aria-hidden="true" />
      Export CSV
    </Button>
  )
}
