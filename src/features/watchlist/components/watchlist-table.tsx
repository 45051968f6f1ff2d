import { Bell, BellRing, Trash2 } from 'lucide-react'
import { Link } from 'react-router'
import { Button } from '@/components/ui/button'
import { Price } from '@/components/ui/price'
import { Table, TableContainer, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import {
  dayChange,
  formatPercent,
  percentClass,
  formatSignedCurrency,
  signClass,
} from '@/lib/format'
import { useConnection, useQuote } from '@/lib/use-quote'
import type { WatchlistEntry } from '../api/get-watchlist'
import { orderTicketHref } from '@/lib/order-ticket'
import { alertThresholds } from '@/lib/alert-form'

const sticky = 'sticky left-0 z-10 bg-surface'
/** Narrower cells on phones so every column, actions included, fits at 360 px. */
const cell = 'max-sm:px-2'

function AlertSummary({ entry }: { entry: WatchlistEntry }) {
  const thresholds = alertThresholds(entry)
  if (thresholds === null) return <span className="text-muted">None</span>
  return <span className="tabular-nums">{thresholds}</span>
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
      <Th scope="row" className={`${sticky} ${cell} text-left`}>
        <Link to={`/stocks/${entry.symbol}`} className="font-semibold text-link hover:underline">
          {entry.symbol}
        </Link>
        <span className="block max-w-28 truncate text-xs font-normal text-muted sm:max-w-40">
          {entry.stocks?.name}
        </span>
        {hasAlert && (
          // On phones the alert column is hidden: its summary moves under the name.
          <span className="block text-xs font-normal sm:hidden">
            Alert <AlertSummary entry={entry} />
          </span>
        )}
      </Th>
      <Td className={`${cell} text-right`}>
        <Price
          value={price}
          direction={quote?.direction}
          flashKey={quote?.changeSeq}
          stale={stale}
        />
        <span className={`block text-xs tabular-nums sm:hidden ${percentClass(change?.ratio)}`}>
          {change ? formatPercent(change.ratio) : ''}
        </span>
      </Td>
      <Td className={`hidden text-right tabular-nums sm:table-cell ${signClass(change?.change)}`}>
        {change ? formatSignedCurrency(change.change) : '—'}
        <span className={`block text-xs ${percentClass(change?.ratio)}`}>
          {change ? formatPercent(change.ratio) : ''}
        </span>
      </Td>
      <Td className="hidden truncate sm:table-cell">
        <AlertSummary entry={entry} />
      </Td>
      <Td className={cell}>
        <div className="flex items-center justify-end gap-0.5 sm:gap-1">
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
          {/* A word, not an icon, even on phones: a bare ⇆ did not read as "trade". */}
          <Link
            to={orderTicketHref(entry.symbol, 'buy')}
            className="inline-flex h-8 items-center rounded-md px-1.5 text-xs font-medium text-link hover:bg-surface-2 sm:px-3 sm:text-sm"
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
    <TableContainer className="relative">
      {/* Fixed widths: setting an alert must not push the price columns sideways. */}
      <Table className="table-fixed sm:min-w-[40rem]">
        <caption className="sr-only">Watchlist with live prices and alerts</caption>
        <THead>
          <Tr>
            <Th className={`${sticky} ${cell} bg-surface-2`}>Symbol</Th>
            <Th className={`${cell} w-24 text-right sm:w-32`}>Price</Th>
            <Th className="hidden w-32 text-right sm:table-cell">Day change</Th>
            <Th className="hidden w-52 sm:table-cell">Alert</Th>
            <Th className={`${cell} w-32 text-right sm:w-60`}>
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
