import { Medal } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { cn } from '@/components/ui/cn'
import { Table, TableContainer, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import { formatMoney, formatPercent, percentClass } from '@/lib/format'
import type { LeaderboardEntry } from '../api/get-leaderboard'

/** Narrower cells on phones so all four columns fit at 360 px. */
const cell = 'max-sm:px-2'

const medalColors = ['text-[#eab308]', 'text-muted', 'text-[#b45309]']

/** Equal rank, name and equity: the same row (two such rows could not be told apart anyway). */
function isEntry(entry: LeaderboardEntry, me: LeaderboardEntry): boolean {
  return (
    entry.rank === me.rank && entry.displayName === me.displayName && entry.equity === me.equity
  )
}

export function LeaderboardTable({
  entries,
  me,
}: {
  entries: readonly LeaderboardEntry[]
  /** The signed-in trader's own row, or null when they are not listed. */
  me: LeaderboardEntry | null
}) {
  const myIndex = me ? entries.findIndex((entry) => isEntry(entry, me)) : -1
  return (
    <TableContainer className="relative">
      <Table>
        <caption className="sr-only">Leaderboard by total return</caption>
        <THead>
          <Tr>
            <Th className={cn(cell, 'w-14')}>Rank</Th>
            <Th className={cell}>Trader</Th>
            <Th className={cn(cell, 'text-right')}>Return</Th>
            <Th className={cn(cell, 'hidden text-right sm:table-cell')}>Equity</Th>
          </Tr>
        </THead>
        <TBody>
          {entries.map((entry, index) => (
            <LeaderboardRow
              key={`${entry.rank}-${entry.displayName}-${index}`}
              entry={entry}
              mine={index === myIndex}
            />
          ))}
          {me && myIndex === -1 && (
            <>
              <Tr aria-hidden="true">
                <Td colSpan={4} className="py-1 text-center text-muted">
                  ⋯
                </Td>
              </Tr>
              <LeaderboardRow entry={me} mine />
            </>
          )}
        </TBody>
      </Table>
    </TableContainer>
  )
}

function LeaderboardRow({ entry, mine }: { entry: LeaderboardEntry; mine: boolean }) {
  return (
    <Tr
      aria-current={mine ? 'true' : undefined}
      className={cn(mine && 'bg-surface-2 font-semibold')}
    >
      <Td className={cn(cell, 'tabular-nums')}>
        <span className="inline-flex items-center gap-1">
          {entry.rank <= 3 && (
            <Medal className={cn('size-4', medalColors[entry.rank - 1])} aria-hidden="true" />
          )}
          {entry.rank}
        </span>
      </Td>
      <Th scope="row" className={cn(cell, 'text-left font-medium')}>
        <span className="flex min-w-0 items-center gap-2">
          <span className="max-w-[9rem] truncate sm:max-w-[16rem]">{entry.displayName}</span>
          {mine && (
            <Badge tone="info" className="shrink-0">
              You
            </Badge>
          )}
        </span>
      </Th>
      <Td className={cn(cell, 'text-right tabular-nums', percentClass(entry.returnRatio))}>
        {formatPercent(entry.returnRatio)}
        {/* The equity column is hidden on phones; its value moves under the return. */}
        <span className="block text-xs font-normal text-muted sm:hidden">
          {formatMoney(entry.equity)}
        </span>
      </Td>
      <Td className={cn(cell, 'hidden text-right tabular-nums sm:table-cell')}>
        {formatMoney(entry.equity)}
      </Td>
    </Tr>
  )
}
