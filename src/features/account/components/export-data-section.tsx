import { Download } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { toast } from '@/components/ui/toast-store'
import { useExportMyData } from '../api/export-my-data'
import { downloadText } from '@/lib/download'

export function ExportDataSection() {
  const exporting = useExportMyData()

  function start() {
    exporting.mutate(undefined, {
      onSuccess: (data) => {
        const filename = `stocktrade-export-${new Date().toISOString().slice(0, 10)}.json`
        downloadText(filename, `${JSON.stringify(data, null, 2)}\n`, 'application/json')
        toast({ title: 'Data exported', description: filename, tone: 'success' })
      },
      onError: (error) =>
        toast({ title: 'Export failed', description: error.message, tone: 'error' }),
    })
  }

  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      <div>
        <h3 className="text-sm font-medium">Export my data</h3>
        <p className="text-sm text-muted">
          Download everything stored about you (profile, positions, orders, fills, watchlist) as
          JSON.
        </p>
      </div>
      <Button
        variant="secondary"
        onClick={start}
        loading={exporting.isPending}
        className="shrink-0"
      >
        <Download className="size-4" aria-hidden="true" />
        Export my data
      </Button>
    </div>
  )
}
