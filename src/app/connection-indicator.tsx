import { useConnection } from '@/lib/use-quote'
import { formatTime } from '@/lib/format'
import { cn } from '@/components/ui/cn'
import { hiddenWhenCrowded } from './app-shell'

const labels = {
  connecting: 'Connecting',
  live: 'Live',
  reconnecting: 'Reconnecting',
  offline: 'Offline',
} as const

/** Where the header is crowded (see app-shell) the one word left starts with a capital. */
const capitalizedWhenCrowded = 'max-sm:capitalize md:max-lg:capitalize'

/**
 * Dot + word for the Realtime link; the polling fallback and stale prices are spelled out. With
 * Realtime up but the server's reads failing it does not say Live: the pages cannot load.
 */
export function ConnectionIndicator() {
  const { status, polling, stale, unreachable } = useConnection()
  const readsFail = unreachable && status === 'live'
  const tone =
    status === 'live' && !stale && !readsFail
      ? 'bg-up'
      : status === 'offline'
        ? 'bg-down'
        : 'bg-warn'
  const detail = readsFail
    ? null
    : unreachable
      ? 'prices paused'
      : polling
        ? 'polling'
        : stale && status === 'live'
          ? 'prices delayed'
          : null
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="connection-status"
      data-status={status}
      data-polling={polling}
      data-stale={stale}
      data-unreachable={unreachable}
      className="flex shrink-0 items-center gap-1.5 rounded-full border border-border px-2 py-1 text-xs font-medium whitespace-nowrap"
    >
      <span aria-hidden="true" className={cn('size-2 shrink-0 rounded-full', tone)} />
      {/* Where the header is crowded (phones; beside the full navigation below lg) it has room
          for one short word: "Unreachable", "Offline". The rest is still read out (sr-only), so
          the status says the same to a screen reader at any width. */}
      {readsFail ? (
        <span>
          <span className={hiddenWhenCrowded}>Server </span>
          <span className={capitalizedWhenCrowded}>unreachable</span>
        </span>
      ) : (
        <span>{labels[status]}</span>
      )}
      {detail && <span className={cn('text-muted', hiddenWhenCrowded)}>· {detail}</span>}
    </div>
  )
}

/**
 * A page-wide notice while prices, orders and alerts come from polling instead of Realtime,
 * and, when the browser is offline or polling cannot reach the server either, from when the
 * prices on screen are (offline from the moment the browser says so, not after the fallback).
 */
export function PollingBanner() {
  const { polling, status, unreachable, pricesFrom } = useConnection()
  const offline = status === 'offline'
  if (!polling && !(unreachable && offline)) return null
  return (
    <p className="border-b border-border bg-warn-tint px-4 py-2 text-center text-sm text-fg">
      {unreachable ? (
        <>
          {offline ? 'You are offline' : 'The server cannot be reached'}. Prices shown are{' '}
          {pricesFrom === null ? 'not up to date' : `from ${formatTime(pricesFrom)}`}; they update
          again as soon as the connection is back.
        </>
      ) : (
        <>
          Live updates are {offline ? 'offline' : 'interrupted'}. Prices, your orders and alerts
          refresh every few seconds until the connection is back.
        </>
      )}
    </p>
  )
}
