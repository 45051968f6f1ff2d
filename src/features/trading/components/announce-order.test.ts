import { toast } from '@/components/ui/toast-store'
import type { Order } from '@/lib/models'
import { immediateOutlook } from '../lib/order-outlook'
import { announcePlacedOrder } from './announce-order'

vi.mock('@/components/ui/toast-store', () => ({ toast: vi.fn() }))

const pending = {
  id: 'order-1',
  symbol: 'NVDA',
  side: 'buy',
  type: 'stop',
  quantity: 1,
  limit_price: null,
  stop_price: 69.67,
  status: 'pending',
} as Order

describe('announcePlacedOrder', () => {
  beforeEach(() => vi.mocked(toast).mockClear())

  it('says a crossed order fills on the next tick instead of resting', () => {
    announcePlacedOrder(
      pending,
      immediateOutlook({ ...pending, limitPrice: null, stopPrice: 69.67 }, 139.3),
    )
    expect(toast).toHaveBeenCalledWith({
      title: 'Order placed: stop buy 1 NVDA',
      description:
        'It will trigger on the next tick and fill at about the market price. You will be notified when it fills.',
      tone: 'success',
    })
  })

  it('says an order that waits for the price rests', () => {
    announcePlacedOrder({ ...pending, stop_price: 150 }, null)
    expect(vi.mocked(toast).mock.calls[0][0].description).toBe(
      'It rests until the price reaches it. You will be notified when it fills.',
    )
  })
})
