import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { startAppAgainstStack, type AppAgainstStack } from '@/test/app-against-stack'
import { renderWithProviders } from '@/test/render'
import { Toaster } from '@/components/ui/toaster'
import type * as DialogModule from './cancel-order-dialog'
import type { CancellableOrder } from './cancel-order-dialog'

let app: AppAgainstStack
// Imported once the stack is up: the dialog's API module builds the client from its URL.
let CancelOrderDialog: typeof DialogModule.CancelOrderDialog

beforeAll(async () => {
  app = await startAppAgainstStack()
  ;({ CancelOrderDialog } = await import('./cancel-order-dialog'))
})

afterAll(async () => {
  await app?.stop()
})

/** The open-orders list's shape: the dialog lives only while its list has rows. */
function ListThatEmptiesOnConfirm({ order, userId }: { order: CancellableOrder; userId: string }) {
  const [listed, setListed] = useState(true)
  return (
    <>
      {listed ? (
        <CancelOrderDialog
          order={order}
          userId={userId}
          onClose={() => {}}
          onConfirm={() => setListed(false)}
        />
      ) : (
        <p>No open orders</p>
      )}
      <Toaster />
    </>
  )
}

describe('CancelOrderDialog against the local stack', () => {
  it('confirms the cancellation even when the dialog is gone before the server answers', async () => {
    const user = userEvent.setup()
    const userId = await app.signInAsGuest()
    const placed = await app.supabase.rpc('place_order', {
      p_symbol: 'MSFT',
      p_side: 'buy',
      p_quantity: 2,
      p_type: 'limit',
      p_limit_price: 5,
    })
    expect(placed.error).toBeNull()
    const { data: row } = await app.supabase
      .from('orders')
      .select('id, symbol, side, type, quantity, limit_price, stop_price')
      .eq('user_id', userId)
      .single()
      .throwOnError()
    const order = { ...row, quantity: Number(row.quantity), limit_price: 5 } as CancellableOrder

    renderWithProviders(<ListThatEmptiesOnConfirm order={order} userId={userId} />)
    const dialog = await screen.findByRole('dialog', { name: 'Cancel this order?' })
    await user.click(within(dialog).getByRole('button', { name: 'Cancel order' }))
    // The list (and the dialog in it) went at once, before the RPC could answer.
    expect(screen.getByText('No open orders')).toBeInTheDocument()
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()

    const toast = await screen.findByText('Order cancelled')
    expect(toast.parentElement).toHaveTextContent('Buy 2 MSFT limit')
    const { data } = await app.supabase.from('orders').select('status').eq('id', order.id)
    expect(data).toEqual([{ status: 'cancelled' }])
  })
})
