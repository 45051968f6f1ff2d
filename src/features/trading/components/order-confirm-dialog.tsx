import { useId } from 'react'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { formatCurrency, formatMoney, formatOrderPrice, formatQuantity } from '@/lib/format'
import { orderTypeLabels, timeInForceLabels } from '@/lib/describe-order'
import { dayOrderLabel } from '../lib/order-form'
import type { Estimate, ValidOrder } from '../lib/order-form'
import type { ImmediateOutlook } from '../lib/order-outlook'

/**
 * The confirmation step: what will be sent, then a single submit that cannot fire twice. Focus
 * starts on the summary, not on the submit: the Enter that opened the dialog from a field must
 * not be able to place the order with a second press. The figures follow the live price; an
 * order that stops fitting while the dialog is open says why and cannot be placed until it fits
 * again or is edited, rather than showing a negative buying power as if all were well.
 */
export function OrderConfirmDialog({
  symbol,
  order,
  outlook,
  estimate,
  noLongerFits = null,
  pending,
  error,
  refused = false,
  onConfirm,
  onClose,
}: {
  symbol: string
  order: ValidOrder | null
  /** Set when the live price has already crossed the order, which then will not rest. */
  outlook: ImmediateOutlook | null
  estimate: Estimate | null
  /** Why the order, fine when reviewed, cannot be placed at the live price (reviewProblem). */
  noLongerFits?: string | null
  pending: boolean
  error: string | null
  /** The error is the engine refusing this order: sending it again would not help, editing may. */
  refused?: boolean
  onConfirm: () => void
  onClose: () => void
}) {
  const messageId = useId()
  if (!order) return null
  // Once sent, the order is the server's to decide: the live re-check no longer applies.
  const blocked = pending ? null : noLongerFits
  const message = blocked ?? error
  const verb = order.side === 'buy' ? 'Buy' : 'Sell'
  const rows: Array<[string, string]> = [
    ['Order', `${verb} ${symbol}`],
    ['Type', orderTypeLabels[order.type]],
    order.quantity !== null
      ? ['Shares', formatQuantity(order.quantity)]
      : ['Amount', formatMoney(order.notional)],
  ]
  // Per share: a market order's is the live price its estimate uses, the others' as typed.
  const prices = [
    order.stopPrice !== null && `${formatOrderPrice(order.stopPrice)} stop`,
    order.limitPrice !== null && `${formatOrderPrice(order.limitPrice)} limit`,
  ].filter(Boolean)
  if (order.type !== 'market') rows.push(['Price', prices.join(', ')])
  else if (estimate) rows.push(['Price', `≈ ${formatCurrency(estimate.fillPrice, 4)} at market`])
  // A market order fills or fails at once: its time in force does not apply.
  if (order.type !== 'market')
    rows.push([
      'Time in force',
      order.timeInForce === 'day' ? dayOrderLabel(new Date()) : timeInForceLabels.gtc,
    ])
  if (estimate) {
    if (order.quantity === null) rows.push(['Estimated shares', formatQuantity(estimate.shares)])
    rows.push([
      order.side === 'buy' ? 'Estimated cost' : 'Estimated credit',
      formatMoney(estimate.value),
    ])
    if (estimate.held !== null) rows.push(['Held while waiting', formatMoney(estimate.held)])
    // Not while the order does not fit: it would be negative. Else at least 0 (float crumbs).
    if (estimate.buyingPowerAfter !== null && !blocked)
      rows.push(['Buying power after', formatMoney(Math.max(0, estimate.buyingPowerAfter))])
  }
  return (
    <Dialog
      open
      onClose={onClose}
      dismissible={!pending}
      title={`Confirm ${verb.toLowerCase()} order`}
      description={
        order.type === 'market'
          ? 'Market orders fill right away at the current price, which may differ from the estimate.'
          : (outlook?.notice ?? 'This order rests until the price reaches it.')
      }
    >
      <div
        role="group"
        aria-label="Order summary"
        tabIndex={-1}
        data-autofocus
        className="rounded-sm"
      >
        <dl className="grid grid-cols-2 gap-y-2 text-sm">
          {rows.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="text-muted">{term}</dt>
              <dd className="text-right font-medium tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      {message && (
        <p id={messageId} role="alert" className="mt-4 rounded-md bg-down-tint p-3 text-sm text-fg">
          {message}
        </p>
      )}
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={pending}>
          {blocked ? 'Edit order' : 'Cancel'}
        </Button>
        {blocked ? (
          // aria-disabled, not disabled: a focused button that a tick disables keeps the focus.
          <Button
            variant={order.side === 'buy' ? 'buy' : 'sell'}
            aria-disabled="true"
            aria-describedby={messageId}
            className="cursor-not-allowed opacity-60"
          >
            {`Place ${order.side} order`}
          </Button>
        ) : error && refused ? (
          <Button variant={order.side === 'buy' ? 'buy' : 'sell'} onClick={onClose}>
            Edit order
          </Button>
        ) : (
          <Button
            variant={order.side === 'buy' ? 'buy' : 'sell'}
            onClick={onConfirm}
            loading={pending}
          >
            {error ? 'Try again' : `Place ${order.side} order`}
          </Button>
        )}
      </div>
    </Dialog>
  )
}
