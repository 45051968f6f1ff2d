import type { FillRow } from '../api/get-fills'
import type { OrderRow } from '../api/get-orders'
import type { CsvColumn } from './csv'

/**
 * CSV columns: raw ISO timestamps and plain decimal numbers (no currency symbols or grouping)
 * so spreadsheets parse them as values; a "run" column marks previous runs.
 */
function runLabel(run: number, currentRun: number): string {
  return run === currentRun ? 'current' : `previous (run ${run})`
}

export function fillColumns(currentRun: number): CsvColumn<FillRow>[] {
  return [
    { header: 'time', value: (row) => row.created_at },
    { header: 'symbol', value: (row) => row.symbol },
    { header: 'side', value: (row) => row.side },
    { header: 'quantity', value: (row) => row.quantity },
    { header: 'price', value: (row) => row.price },
    { header: 'amount', value: (row) => row.amount },
    { header: 'fee', value: (row) => row.fee },
    { header: 'realized_pnl', value: (row) => row.realized_pnl },
    { header: 'cash_after', value: (row) => row.cash_after },
    { header: 'run', value: (row) => runLabel(row.run, currentRun) },
    { header: 'order_id', value: (row) => row.order_id },
    { header: 'id', value: (row) => row.id },
  ]
}

export function orderColumns(currentRun: number): CsvColumn<OrderRow>[] {
  return [
    { header: 'time', value: (row) => row.created_at },
    { header: 'symbol', value: (row) => row.symbol },
    { header: 'side', value: (row) => row.side },
    { header: 'type', value: (row) => row.type },
    { header: 'quantity', value: (row) => row.quantity },
    { header: 'notional', value: (row) => row.notional },
    { header: 'limit_price', value: (row) => row.limit_price },
    { header: 'stop_price', value: (row) => row.stop_price },
    { header: 'time_in_force', value: (row) => row.time_in_force },
    { header: 'status', value: (row) => row.status },
    { header: 'filled_price', value: (row) => row.filled_price },
    { header: 'filled_at', value: (row) => row.filled_at },
    { header: 'reject_reason', value: (row) => row.reject_reason },
    { header: 'run', value: (row) => runLabel(row.run, currentRun) },
    { header: 'id', value: (row) => row.id },
  ]
}
