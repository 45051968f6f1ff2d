import { useMutation } from '@tanstack/react-query'
import { toCsv } from '../lib/csv'
import { fillColumns, orderColumns } from '../lib/export-columns'
import type { HistoryView } from '../lib/filters'
import { getAllFills } from './get-fills'
import { getAllOrders } from './get-orders'
import type { ListFilters } from './query-filters'

export interface HistoryExport {
  csv: string
  rows: number
  filename: string
}

/** The CSV of the whole filtered set: every page, not just the one on screen. */
export async function exportHistory(
  userId: string,
  view: HistoryView,
  filters: ListFilters,
  currentRun: number,
  now = new Date(),
): Promise<HistoryExport> {
  const filename = `stocktrade-${view}-${now.toISOString().slice(0, 10)}.csv`
  if (view === 'fills') {
    const rows = await getAllFills(userId, filters)
    return { csv: toCsv(rows, fillColumns(currentRun)), rows: rows.length, filename }
  }
  const rows = await getAllOrders(userId, filters)
  return { csv: toCsv(rows, orderColumns(currentRun)), rows: rows.length, filename }
}

export function useExportHistory(userId: string) {
  return useMutation({
    mutationFn: (input: { view: HistoryView; filters: ListFilters; currentRun: number }) =>
      exportHistory(userId, input.view, input.filters, input.currentRun),
  })
}
