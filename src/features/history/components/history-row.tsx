import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Td, Th, Tr } from '@/components/ui/table'
import { formatDateAndTime } from '@/lib/format'
import { sideLabel } from '../lib/side-label'
import { RunBadge } from './run-badge'

/**
 * The parts the orders and fills tables share: a row dimmed when it belongs to a previous run,
 * the sticky time cell that carries a one-line summary on phones, and the symbol and side.
 */

export const stickyCell = 'sticky left-0 z-10 bg-surface'
/** Columns shown from `sm` up; on phones their content moves into the time cell's summary. */
export const wideOnly = 'hidden sm:table-cell'
export const cell = 'max-sm:px-2'

interface RunProps {
  run: number
  currentRun?: number
}

export function HistoryRow({ run, currentRun, children }: RunProps & { children: ReactNode }) {
  const previousRun = currentRun !== undefined && run < currentRun
  return <Tr className={previousRun ? 'text-muted' : undefined}>{children}</Tr>
}

export function TimeHeader() {
  return <Th className={`${stickyCell} ${cell} bg-surface-2`}>Time</Th>
}

export function TimeCell({
  createdAt,
  summary,
  run,
  currentRun,
}: RunProps & { createdAt: string; summary: ReactNode }) {
  const at = formatDateAndTime(createdAt)
  return (
    <Th scope="row" className={`${stickyCell} ${cell} text-left font-normal`}>
      {/* Phones may break between date and time, never inside "7:17:05 PM". */}
      <time dateTime={createdAt} className="sm:whitespace-nowrap">
        {at ? (
          <>
            <span className="whitespace-nowrap">{at.date},</span>{' '}
            <span className="whitespace-nowrap">{at.time}</span>
          </>
        ) : (
          '—'
        )}
      </time>
      <span className="flex flex-wrap items-center gap-1 text-xs sm:hidden">
        <span className="font-medium">{summary}</span>
        <RunBadge run={run} currentRun={currentRun} />
      </span>
    </Th>
  )
}

export function SymbolSideCells({ symbol, side }: { symbol: string; side: 'buy' | 'sell' }) {
  return (
    <>
      <Td className={wideOnly}>
        <Link to={`/stocks/${symbol}`} className="font-semibold text-link hover:underline">
          {symbol}
        </Link>
      </Td>
      <Td className={wideOnly}>
        <span className={`font-medium ${side === 'buy' ? 'text-up' : 'text-down'}`}>
          {sideLabel(side)}
        </span>
      </Td>
    </>
  )
}

/** The Run column: "Current", or the badge of a run before a reset. */
export function RunCell({ run, currentRun }: RunProps) {
  const current = currentRun !== undefined && run >= currentRun
  return (
    <Td className={wideOnly}>
      {current ? (
        <span className="text-muted">Current</span>
      ) : (
        <RunBadge run={run} currentRun={currentRun} />
      )}
    </Td>
  )
}
