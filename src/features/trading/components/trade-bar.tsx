import type { RefObject } from 'react'
import { useNavigate } from 'react-router'
import { Button } from '@/components/ui/button'
import type { OrderSide } from '@/lib/models'
import { useInView } from '@/lib/use-in-view'

/**
 * Below the lg breakpoint the order ticket comes after the chart and the key stats: a long
 * scroll on a phone. This bar, above the phone's bottom navigation, offers Buy and Sell from
 * anywhere on the page, and steps aside once the ticket itself is on the screen. The toasts
 * follow it: above the bar while it shows; at the top of the screen while the ticket is on
 * screen, since at the bottom they would cover its Review button (see toasterPlacement).
 */
export function TradeBar({
  symbol,
  ticket,
}: {
  symbol: string
  /** The ticket's section: it stays mounted when the ticket re-opens on the other side. */
  ticket: RefObject<HTMLElement | null>
}) {
  // "On screen" once the ticket's top clears the bar and the bottom navigation (~7rem).
  const ticketInView = useInView(ticket, { rootMargin: '0px 0px -112px 0px' })
  const navigate = useNavigate()
  // A flag for the toaster's CSS (body:has), not content: hidden from everyone.
  if (ticketInView) return <span hidden data-keep-bottom-clear />

  function trade(side: OrderSide) {
    // The stock page opens the ticket on the side in ?side=; scrolling here (not only through
    // the hash) also works when the hash is already #order-ticket.
    navigate({ search: `?side=${side}`, hash: '#order-ticket' }, { replace: true })
    ticket.current?.scrollIntoView({ block: 'start' })
    ticket.current?.focus({ preventScroll: true })
  }

  return (
    // data-bottom-bar: the toasts rise above this bar (see toasterPlacement).
    <div
      data-bottom-bar
      className="fixed inset-x-0 bottom-[3.25rem] z-20 border-t border-border bg-bg/95 px-3 py-2 backdrop-blur sm:px-4 md:bottom-0 lg:hidden"
    >
      <div className="mx-auto flex max-w-7xl gap-2">
        <Button variant="buy" className="flex-1" onClick={() => trade('buy')}>
          Buy {symbol}
        </Button>
        <Button variant="sell" className="flex-1" onClick={() => trade('sell')}>
          Sell {symbol}
        </Button>
      </div>
    </div>
  )
}
