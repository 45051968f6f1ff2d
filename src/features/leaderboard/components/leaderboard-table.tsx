import { Medal } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { cn } from '@/components/ui/cn'
import { Table, TableContainer, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import { formatCurrency, formatPercent, signClass } from '@/lib/format'
import type { LeaderboardEntry } from '../api/get-leaderboard'

const medalColors = ['text-[#b45309]', 'text-muted', 'text-[#9a3412]']

export function LeaderboardTable({
  entries,
  myName,
}: {
  entries: readonly LeaderboardEntry[]
  myName: string | null
}) {
  return (
    <TableContainer>
      <Table>
        <caption className="sr-only">Leaderboard by total return</caption>
        <THead>
          <Tr>
            <Th className="w-16">Rank</Th>
            <Th>Trader</Th>
            <Th className="text-right">Equity</Th>
            <Th className="text-right">Return</Th>
          </Tr>
        </THead>
        <TBody>
          {entries.map((entry, index) => {
            const mine = myName !== null && entry.displayName === myName
            return (
              <Tr
                key={`${entry.rank}-${entry.displayName}-${index}`}
                aria-current={mine ? 'true' : undefined}
                className={cn(mine && 'bg-surface-2 font-semibold')}
              >
                <Td className="tabular-nums">
                  <span className="inline-flex items-center gap-1">
                    {entry.rank <= 3 && (
                      <Medal
                        className={cn('size-4', medalColors[entry.rank - 1])}
                        aria-hidden="true"
                      />
                    )}
                    {entry.rank}
                  </span>
                </Td>
                <Th scope="row" className="max-w-[12rem] truncate text-left font-medium">
                  {entry.displayName}
                  {mine && (
                    <Badge tone="info" className="ml-2">
                      You
                    </Badge>
                  )}
                </Th>
                <Td className="text-right tabular-nums">{formatCurrency(entry.equity)}</Td>
                <Td className={cn('text-right tabular-nums', signClass(entry.returnRatio))}>
                  {formatPercent(entry.returnRatio)}
                </Td>
              </Tr>
            )
          })}
        </TBody>
      </Table>
    </TableContainer>
  )
}
