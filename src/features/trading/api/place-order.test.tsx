import { useEffect } from 'react'
import { waitFor } from '@testing-library/react'
import { startAppAgainstStack, type AppAgainstStack } from '@/test/app-against-stack'
import { renderWithProviders } from '@/test/render'
import type { Order } from '@/lib/models'
import type * as Supabase from '@/lib/supabase'
import { describeRejection } from '../components/reject-reasons'
import type * as PlaceOrder from './place-order'

let app: AppAgainstStack
// Imported once the stack is up: the module's client is built from the stack's URL.
let usePlaceOrder: typeof PlaceOrder.usePlaceOrder
let placeOrder: typeof PlaceOrder.placeOrder
let supabase: typeof Supabase.supabase

beforeAll(async () => {
  app = await startAppAgainstStack()
  ;({ usePlaceOrder, placeOrder } = await import('./place-order'))
  ;({ supabase } = await import('@/lib/supabase'))
})

afterAll(async () => {
  await app?.stop()
})

describe('usePlaceOrder against the local stack', () => {
  it('confirms an order placed by a component that is gone before the server answers', async () => {
    const userId = await app.signInAsGuest()
    await app.setPrice('KO', 60)
    const placed: Order[] = []
    function Ticket() {
      const place = usePlaceOrder(userId, (order) => placed.push(order))
      const { mutate } = place
      useEffect(() => {
        mutate({ p_symbol: 'KO', p_side: 'buy', p_quantity: 2 } as PlaceOrder.PlaceOrderArgs)
      }, [mutate])
      return null
    }
    const { unmount } = renderWithProviders(<Ticket />)
    // The trader left the page at once: the request is still under way.
    unmount()
    expect(placed).toEqual([])
    await waitFor(() => expect(placed).toHaveLength(1))
    expect(placed[0]).toMatchObject({ symbol: 'KO', side: 'buy', status: 'filled', quantity: 2 })
  })

  describe('when no answer comes back', () => {
    const realFetch = globalThis.fetch
    const isPlaceOrder = (input: RequestInfo | URL) =>
      (input instanceof Request ? input.url : String(input)).includes('/rpc/place_order')
    /** fetch as the browser's, but a place_order request fails `before` or after it is sent. */
    function dropPlaceOrder(when: 'before' | 'after') {
      return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
        if (!isPlaceOrder(input)) return realFetch(input, init)
        if (when === 'after') await realFetch(input, init)
        throw new TypeError('Failed to fetch')
      })
    }
    const buy = (key: string) =>
      ({
        p_symbol: 'KO',
        p_side: 'buy',
        p_quantity: 2,
        p_client_order_id: key,
      }) as PlaceOrder.PlaceOrderArgs
    const ordersWith = async (key: string) =>
      (await supabase.from('orders').select('id').eq('client_order_id', key)).data

    afterEach(() => {
      vi.restoreAllMocks()
    })

    it('finds the order by its key when the connection dropped after the server placed it', async () => {
      await app.signInAsGuest()
      await app.setPrice('KO', 60)
      const key = crypto.randomUUID()
      dropPlaceOrder('after')
      const order = await placeOrder(buy(key))
      expect(order).toMatchObject({ client_order_id: key, status: 'filled', quantity: 2 })
      expect(await ordersWith(key)).toHaveLength(1)
    })

    it('says no answer came (not that nothing was placed) when the request never arrived', async () => {
      await app.signInAsGuest()
      await app.setPrice('KO', 60)
      const key = crypto.randomUUID()
      dropPlaceOrder('before')
      const failure = await placeOrder(buy(key)).then(
        () => null,
        (error: unknown) => error,
      )
      expect(describeRejection(failure)).toMatch(/^No answer from the server/)
      expect(await ordersWith(key)).toEqual([])
      // the retry the message offers places it once
      vi.restoreAllMocks()
      await placeOrder(buy(key))
      await placeOrder(buy(key))
      expect(await ordersWith(key)).toHaveLength(1)
    })
  })
})
