import {
  formatMoney,
  formatPercent,
  formatSignedCurrency,
  percentClass,
  signClass,
} from '@/lib/format'
import type { AccountSummary as Summary } from '../lib/holdings'
import { Stat } from './stat'

export function AccountSummary({
  summary,
  dayChange,
  dayChangePct,
}: {
  summary: Summary
  /** null while the fills needed for the previous-close baseline load. */
  dayChange: number | null
  dayChangePct: number | null
}) {
  return (
    <div role="group" aria-label="Account summary">
      <dl className="grid grid-cols-2 gap-2 sm:gap-3 lg:grid-cols-6">
        <Stat
          label="Total equity"
          value={formatMoney(summary.equity)}
          className="col-span-2 lg:col-span-2"
        />
        <Stat
          label="Day change"
          value={
            <span className={signClass(dayChange)}>
              {dayChange === null ? '—' : formatSignedCurrency(dayChange)}
            </span>
          }
          detail={
            <span className={percentClass(dayChangePct)}>
              {dayChangePct === null ? '' : formatPercent(dayChangePct)}
            </span>
          }
        />
        <Stat
          label="Total return"
          value={
            <span className={signClass(summary.totalReturn)}>
              {formatSignedCurrency(summary.totalReturn)}
            </span>
          }
          detail={
            <span className={percentClass(summary.totalReturnPct)}>
              {formatPercent(summary.totalReturnPct)}
            </span>
          }
        />
        <Stat label="Cash" value={formatMoney(summary.cash)} />
        <Stat
          label="Buying power"
          value={formatMoney(summary.buyingPower)}
          detail={
            summary.buyingPower < summary.cash ? (
              <span className="text-muted">
                {formatMoney(summary.cash - summary.buyingPower)} held by open orders
              </span>
            ) : undefined
          }
        />
      </dl>
    </div>
  )
}
