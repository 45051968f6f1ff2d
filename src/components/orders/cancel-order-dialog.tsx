import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { toast } from '@/components/ui/toast-store'
import { useCancelOrder } from '@/lib/api/cancel-order'
import { describeOrder, type DescribableOrder } from '@/lib/describe-order'

export type CancellableOrder = DescribableOrder & { id: string }

export function CancelOrderDialog({
  order,
  userId,
  onClose,
  onConfirm,
}: {
  order: CancellableOrder | null
  userId: string
  /** `cancelled` says whether it closes because the order was cancelled. */
  onClose: (cancelled: boolean) => void
  /** Called when the cancellation is sent: the list may drop the row before it settles. */
  onConfirm?: (order: CancellableOrder) => void
}) {
  const cancel = useCancelOrder<CancellableOrder>(userId, (cancelled) =>
    toast({ title: 'Order cancelled', description: describeOrder(cancelled), tone: 'success' }),
  )

  function close(cancelled = false) {
    cancel.reset()
    onClose(cancelled)
  }

  function confirm() {
    if (!order) return
    onConfirm?.(order)
    cancel.mutate(order, { onSuccess: () => close(true) })
  }

  return (
    <Dialog
      open={order !== null}
      onClose={() => close()}
      dismissible={!cancel.isPending}
      title="Cancel this order?"
      description={
        order
          ? `${describeOrder(order)}. ${order.side === 'buy' ? 'The cash it holds' : 'The shares it holds'} will be released.`
          : undefined
      }
    >
      {cancel.error && (
        <p role="alert" className="mb-3 text-sm text-down">
          {cancel.error.message}
        </p>
      )}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button
          variant="secondary"
          onClick={() => close()}
          disabled={cancel.isPending}
          data-autofocus
        >
          Keep order
        </Button>
        <Button variant="danger" onClick={confirm} loading={cancel.isPending}>
          Cancel order
        </Button>
      </div>
    </Dialog>
  )
}
