import { toast } from '@/components/ui/toast-store'
import { claimFillNotice, describeFill } from '@/lib/fill-notices'
import { formatSignedCurrency } from '@/lib/format'
import { logger } from '@/lib/logger'
import type { Order } from '@/lib/models'
import { getRealizedPnl } from '../api/get-realized-pnl'

type Fill = Pick<Order, 'id' | 'side' | 'quantity' | 'symbol'> & { filled_price: number }

/**
 * One toast per fill, however it was heard of (the ticket's answer, a live event, a catch-up).
 * A sale also says what it made or lost, read from its ledger row; without it, the fill alone.
 */
export async function announceFill(order: Fill): Promise<void> {
  if (!claimFillNotice(order.id)) return
  let pnl: number | null = null
  if (order.side === 'sell') {
    try {
      pnl = await getRealizedPnl(order.id)
    } catch (error) {
      logger.warn('realized P&L not read for the fill notice', { error: String(error) })
    }
  }
  toast({
    title: describeFill(order),
    description: pnl === null ? undefined : `Realized P&L ${formatSignedCurrency(pnl)}`,
    tone: 'success',
    action: { label: 'View portfolio', href: '/portfolio' },
  })
}
