import { useEffect } from 'react'
import { waitFor } from '@testing-library/react'
import { startAppAgainstStack, type AppAgainstStack } from '@/test/app-against-stack'
import { renderWithProviders } from '@/test/render'
import type { Order } from '@/lib/models'
import type * as PlaceOrder from './place-order'

let app: AppAgainstStack
// Imported once the stack is up: the module's client is built from the stack's URL.
let usePlaceOrder: typeof PlaceOrder.usePlaceOrder

beforeAll(async () => {
  app = await startAppAgainstStack()
  ;({ usePlaceOrder } = await import('./place-order'))
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
})
