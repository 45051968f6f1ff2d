import { Bell, BellRing, Trash2 } from 'lucide-react'
import { Link } from 'react-router'
import { Button } from '@/components/ui/button'
import { Price } from '@/components/ui/price'
import { Table, TableContainer, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import {
  dayChange,
  formatCurrency,
  formatPercent,
  formatSignedCurrency,
  signClass,
} from '@/lib/format'
import { useConnection, useQuote } from '@/lib/use-quote'
import type { WatchlistEntry } from '../api/get-watchlist'
import { orderTicketHref } from '../lib/order-ticket'

const sticky = 'sticky left-0 z-10 bg-surface'

function AlertSummary({ entry }: { entry: WatchlistEntry }) {
  const parts: string[] = []
  if (entry.alert_above !== null) parts.push(`≥ ${formatCurrency(entry.alert_above)}`)
  if (entry.alert_below !== null) parts.push(`≤ ${formatCurrency(entry.alert_below)}`)
  if (parts.length === 0) return <span className="text-muted">None</span>
  return <span className="tabular-nums">{parts.join(' · ')}</span>
}

function WatchlistRow({
  entry,
  stale,
  onEditAlert,
  onRemove,
  removing,
}: {
  entry: WatchlistEntry
  stale: boolean
  onEditAlert: (entry: WatchlistEntry) => void
  onRemove: (symbol: string) => void
  removing: boolean
}) {
  const quote = useQuote(entry.symbol)
  const price = quote?.price ?? entry.stocks?.price
  const previousClose = quote?.previous_close ?? entry.stocks?.previous_close
  const change =
    price !== undefined && previousClose !== undefined ? dayChange(price, previousClose) : null
  const hasAlert = entry.alert_above !== null || entry.alert_below !== null
  return (
    <Tr>
      <Th scope="row" className={`${sticky} text-left`}>
        <Link to={`/stocks/${entry.symbol}`} className="font-semibold text-link hover:underline">
          {entry.symbol}
        </Link>
        <span className="block max-w-40 truncate text-xs font-normal text-muted">
          {entry.stocks?.name}
        </span>
      </Th>
      <Td className="text-right">
        <Price
          value={price}
          direction={quote?.direction}
          flashKey={quote?.changeSeq}
          stale={stale}
        />
      </Td>
      <Td className={`text-right tabular-nums ${signClass(change?.change)}`}>
        {change ? formatSignedCurrency(change.change) : '—'}
        <span className="block text-xs">{change ? formatPercent(change.ratio) : ''}</span>
      </Td>
      <Td>
        <AlertSummary entry={entry} />
      </Td>
      <Td>
        <div className="flex items-center justify-end gap-1">
          <Button
            variant="ghost"
            size="sm"
            onClick={() => onEditAlert(entry)}
            aria-label={`${hasAlert ? 'Edit' : 'Set'} price alert for ${entry.symbol}`}
          >
            {hasAlert ? (
              <BellRing className="size-4" aria-hidden="true" />
            ) : (
              <Bell className="size-4" aria-hidden="true" />
            )}
            <span className="hidden sm:inline">Alert</span>
          </Button>
          <Link
            to={orderTicketHref(entry.symbol, 'buy')}
            className="inline-flex h-8 items-center rounded-md px-3 text-sm font-medium text-link hover:bg-surface-2"
            aria-label={`Trade ${entry.symbol}`}
          >
            Trade
          </Link>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => onRemove(entry.symbol)}
            disabled={removing}
            aria-label={`Remove ${entry.symbol} from watchlist`}
          >
            <Trash2 className="size-4" aria-hidden="true" />
          </Button>
        </div>
      </Td>
    </Tr>
  )
}

export function WatchlistTable({
  entries,
  onEditAlert,
  onRemove,
  removingSymbol,
}: {
  entries: readonly WatchlistEntry[]
  onEditAlert: (entry: WatchlistEntry) => void
  onRemove: (symbol: string) => void
  removingSymbol: string | null
}) {
  const { stale } = useConnection()
  return (
    <TableContainer>
      <Table className="min-w-[36rem]">
        <caption className="sr-only">Watchlist with live prices and alerts</caption>
        <THead>
          <Tr>
            <Th className={`${sticky} bg-surface-2`}>Symbol</Th>
            <Th className="text-right">Price</Th>
            <Th className="text-right">Day change</Th>
            <Th>Alert</Th>
            <Th className="text-right">
              <span className="sr-only">Actions</span>
            </Th>
          </Tr>
        </THead>
        <TBody>
          {entries.map((entry) => (
            <WatchlistRow
              key={entry.symbol}
              entry={entry}
              stale={stale}
              onEditAlert={onEditAlert}
              onRemove={onRemove}
              removing={removingSymbol === entry.symbol}
            />
          ))}
        </TBody>
      </Table>
    </TableContainer>
  )
}
