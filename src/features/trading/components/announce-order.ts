import { toast } from '@/components/ui/toast-store'
import { orderTypeLabels } from '@/lib/describe-order'
import { formatQuantity } from '@/lib/format'
import type { Order } from '@/lib/models'
import { announceFill } from '../lib/announce-fill'
import type { ImmediateOutlook } from '../lib/order-outlook'

/**
 * The toast after place_order: a fill (claimed once with the realtime listener), or what the
 * order does next, which for an order the price has already crossed is not resting.
 */
export function announcePlacedOrder(order: Order, outlook: ImmediateOutlook | null) {
  if (order.status === 'filled') {
    if (order.filled_price !== null)
      void announceFill({ ...order, filled_price: order.filled_price })
    return
  }
  toast({
    title: `Order placed: ${orderTypeLabels[order.type].toLowerCase()} ${order.side} ${formatQuantity(order.quantity)} ${order.symbol}`,
    description: `${outlook?.next ?? 'It rests until the price reaches it.'} You will be notified when it fills.`,
    tone: 'success',
  })
}
