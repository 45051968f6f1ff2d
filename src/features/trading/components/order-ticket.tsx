import { useId, useRef, useState } from 'react'
import type { FormEvent, ReactNode } from 'react'
import { Link } from 'react-router'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { SegmentedControl } from '@/components/ui/segmented-control'
import { Select } from '@/components/ui/select'
import { useProfile } from '@/lib/api/get-profile'
import { useOpenPositions } from '@/lib/api/get-open-positions'
import { formatCurrency, formatMoney, formatQuantity } from '@/lib/format'
import type { OrderSide } from '@/lib/models'
import { useQuote } from '@/lib/use-quote'
import { usePlaceOrder } from '../api/place-order'
import { orderTypeLabels, timeInForceLabels } from '@/lib/describe-order'
import {
  dayOrderLabel,
  emptyDraft,
  estimateOrder,
  fieldErrors,
  maxBuyShares,
  nothingToSell,
  orderSchema,
  reviewProblem,
  toRpcArgs,
} from '../lib/order-form'
import type { FieldErrors, OrderContext, OrderDraft, ValidOrder } from '../lib/order-form'
import { immediateOutlook } from '../lib/order-outlook'
import type { ImmediateOutlook } from '../lib/order-outlook'
import { announcePlacedOrder } from './announce-order'
import { OrderConfirmDialog } from './order-confirm-dialog'
import { describeRejection, isRejection } from './reject-reasons'

const sideOptions = [
  { value: 'buy', label: 'Buy', tone: 'buy' },
  { value: 'sell', label: 'Sell', tone: 'sell' },
] as const
const modeOptions = [
  { value: 'shares', label: 'Shares' },
  { value: 'dollars', label: 'Dollars' },
] as const
const typeOptions = Object.entries(orderTypeLabels).map(([value, label]) => ({ value, label }))
const tifOptions = (now: Date) => [
  { value: 'gtc', label: timeInForceLabels.gtc },
  { value: 'day', label: dayOrderLabel(now) },
]

/** A price field's number once it reads as one (its own errors are shown as typed). */
function typedPrice(value: string, error: string | undefined): number | null {
  const n = Number(value.trim())
  return value.trim() !== '' && !error && n > 0 ? n : null
}

/** The order ticket for a signed-in user. */
export function OrderTicket({
  symbol,
  userId,
  initialSide = 'buy',
}: {
  symbol: string
  userId: string
  initialSide?: OrderSide
}) {
  const [draft, setDraft] = useState<OrderDraft>(() => emptyDraft(initialSide))
  // The idempotency key: new whenever the order changes, reused when the same order is retried.
  const [clientOrderId, setClientOrderId] = useState(() => crypto.randomUUID())
  // What submitting found missing; cleared by the next edit.
  const [submitErrors, setSubmitErrors] = useState<FieldErrors>({})
  const [review, setReview] = useState<ValidOrder | null>(null)
  // What the order was checked against when reviewed: the dialog re-checks it live.
  const [reviewedAt, setReviewedAt] = useState<OrderContext | null>(null)
  const quote = useQuote(symbol)
  const profile = useProfile(userId)
  const positions = useOpenPositions(userId)

  const position = positions.data?.find((p) => p.symbol === symbol)
  const availableShares = position ? Number(position.quantity) - Number(position.held_quantity) : 0
  const buyingPower = profile.data ? Number(profile.data.buying_power) : null
  const live: OrderContext | null = quote
    ? { price: quote.price, buyingPower, availableShares }
    : null
  const parsed = orderSchema.safeParse(draft)
  const estimate = parsed.success && live ? estimateOrder(parsed.data, live) : null
  const typedErrors = fieldErrors(draft, { typedOnly: true })
  const errors = { ...typedErrors, ...submitErrors }
  // Said up front (once the positions are known) rather than after an amount is typed.
  const unsellable =
    draft.side === 'sell' && positions.data ? nothingToSell(symbol, position) : null
  const problem = unsellable ?? estimate?.problem ?? null
  const problemId = useId()
  const priced = {
    side: draft.side,
    type: draft.type,
    limitPrice: typedPrice(draft.limitPrice, errors.limitPrice),
    stopPrice: typedPrice(draft.stopPrice, errors.stopPrice),
  }
  // Said as soon as the price is typed, from the live price the ticket shows; never blocks.
  const outlook = quote ? immediateOutlook(priced, quote.price) : null
  // Once the price the buy is checked at is known (a limit or stop: typed).
  const maxBuy =
    draft.side === 'buy' && quote && buyingPower !== null
      ? maxBuyShares(priced, quote.price, buyingPower)
      : 0
  const reviewOutlook = review && quote ? immediateOutlook(review, quote.price) : null
  // The outlook the trader confirmed: the mutation's callback runs renders (and ticks) later.
  const confirmedOutlook = useRef<ImmediateOutlook | null>(null)
  const placeOrder = usePlaceOrder(userId, (order) =>
    announcePlacedOrder(order, confirmedOutlook.current),
  )
  const notice = (field: ImmediateOutlook['field']) =>
    outlook?.field === field ? (
      <span className="mt-1 block rounded-md bg-warn-tint px-2 py-1.5 text-fg">
        {outlook.notice}
      </span>
    ) : null

  function update(patch: Partial<OrderDraft>) {
    setDraft((current) => ({ ...current, ...patch }))
    setSubmitErrors({})
    setClientOrderId(crypto.randomUUID())
    placeOrder.reset()
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    if (!parsed.success) {
      setSubmitErrors(fieldErrors(draft))
      return
    }
    if (problem) return
    setReview(parsed.data)
    setReviewedAt(live)
  }

  // The price ticks on while the dialog is open: an order that fitted may no longer.
  const noLongerFits = review && reviewedAt && live ? reviewProblem(review, reviewedAt, live) : null

  function confirm() {
    if (!review || placeOrder.isPending || noLongerFits) return
    confirmedOutlook.current = reviewOutlook
    placeOrder.mutate(toRpcArgs(symbol, review, clientOrderId), {
      onSuccess: () => {
        setReview(null)
        // Ready for the next order of the same kind (a ladder of limit orders): only the
        // amounts and prices start over, so the ticket's fields (and the focus the dialog
        // gives back to one of them) stay where they were.
        setDraft((current) => ({
          ...emptyDraft(current.side),
          type: current.type,
          amountMode: current.amountMode,
          timeInForce: current.timeInForce,
        }))
        setClientOrderId(crypto.randomUUID())
      },
    })
  }

  const needsLimit = draft.type === 'limit' || draft.type === 'stop_limit'
  const needsStop = draft.type === 'stop' || draft.type === 'stop_limit'

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-label={`Order ticket for ${symbol}`}
    >
      <SegmentedControl
        label="Side"
        size="md"
        value={draft.side}
        options={sideOptions}
        onChange={(side) => update({ side })}
        className="w-full"
      />
      <Select
        label="Order type"
        value={draft.type}
        options={typeOptions}
        onChange={(event) => update({ type: event.target.value as OrderDraft['type'] })}
      />
      <div className="flex flex-col gap-1">
        <span className="text-sm font-medium" aria-hidden="true">
          Amount in
        </span>
        <SegmentedControl
          label="Amount in"
          value={draft.amountMode}
          options={modeOptions}
          onChange={(amountMode) => update({ amountMode })}
          className="w-full"
        />
      </div>
      {draft.amountMode === 'shares' ? (
        <Input
          label="Shares"
          inputMode="decimal"
          placeholder="0"
          value={draft.quantity}
          onChange={(event) => update({ quantity: event.target.value })}
          error={errors.quantity}
          hint="Fractions allowed, up to 6 decimals."
        />
      ) : (
        <Input
          label="Amount (USD)"
          inputMode="decimal"
          placeholder="0.00"
          value={draft.notional}
          onChange={(event) => update({ notional: event.target.value })}
          error={errors.notional}
        />
      )}
      {draft.side === 'sell' && draft.amountMode === 'shares' && availableShares > 0 && (
        <FillButton onClick={() => update({ quantity: String(roundTo(availableShares, 6)) })}>
          Sell all {formatQuantity(availableShares)} available{' '}
          {availableShares === 1 ? 'share' : 'shares'}
        </FillButton>
      )}
      {draft.side === 'buy' && draft.amountMode === 'shares' && maxBuy > 0 && (
        <FillButton onClick={() => update({ quantity: String(maxBuy) })}>
          Buy max ({formatQuantity(maxBuy)} {maxBuy === 1 ? 'share' : 'shares'})
        </FillButton>
      )}
      {/* A stop buy holds 5% over its stop price, so all the buying power would not cover it. */}
      {draft.side === 'buy' &&
        draft.amountMode === 'dollars' &&
        draft.type !== 'stop' &&
        buyingPower !== null &&
        buyingPower >= 0.01 && (
          <FillButton
            onClick={() => update({ notional: (Math.floor(buyingPower * 100) / 100).toFixed(2) })}
          >
            Use all buying power ({formatMoney(buyingPower)})
          </FillButton>
        )}
      {needsStop && (
        <Input
          label="Stop price (USD)"
          inputMode="decimal"
          value={draft.stopPrice}
          onChange={(event) => update({ stopPrice: event.target.value })}
          error={errors.stopPrice}
          hint={
            <>
              {draft.side === 'buy'
                ? 'Triggers when the price rises to it.'
                : 'Triggers when the price falls to it.'}
              {notice('stopPrice')}
            </>
          }
        />
      )}
      {needsLimit && (
        <Input
          label="Limit price (USD)"
          inputMode="decimal"
          value={draft.limitPrice}
          onChange={(event) => update({ limitPrice: event.target.value })}
          error={errors.limitPrice}
          hint={
            <>
              {draft.side === 'buy'
                ? 'Buys at this price or lower.'
                : 'Sells at this price or higher.'}
              {notice('limitPrice')}
            </>
          }
        />
      )}
      {/* A market order fills or fails at once: the default still goes to the server. */}
      {draft.type !== 'market' && (
        <Select
          label="Time in force"
          value={draft.timeInForce}
          options={tifOptions(new Date())}
          onChange={(event) =>
            update({ timeInForce: event.target.value as OrderDraft['timeInForce'] })
          }
        />
      )}
      <dl className="grid grid-cols-2 gap-x-3 gap-y-1 rounded-md bg-surface-2 p-3 text-sm">
        <dt className="text-muted">Market price</dt>
        {/* all 4 decimals, as the estimate below is worked out (10 × $225.80 is not $2,258.03),
            and always 4, so the live figure does not change width from tick to tick */}
        <dd className="text-right tabular-nums">{formatCurrency(quote?.price, 4)}</dd>
        {draft.amountMode === 'dollars' && (
          <>
            <dt className="text-muted">Estimated shares</dt>
            <dd className="text-right tabular-nums">
              {estimate ? formatQuantity(estimate.shares) : '—'}
            </dd>
          </>
        )}
        <dt className="text-muted">
          {draft.side === 'buy' ? 'Estimated cost' : 'Estimated credit'}
        </dt>
        <dd className="text-right tabular-nums">{estimate ? formatMoney(estimate.value) : '—'}</dd>
        {draft.side === 'buy' && draft.type !== 'market' && (
          <>
            <dt className="text-muted">Held while waiting</dt>
            <dd className="text-right tabular-nums">
              {estimate?.held != null ? formatMoney(estimate.held) : '—'}
            </dd>
          </>
        )}
        {draft.side === 'buy' ? (
          <>
            <dt className="text-muted">Buying power</dt>
            <dd className="text-right tabular-nums">{formatMoney(buyingPower)}</dd>
          </>
        ) : (
          <>
            <dt className="text-muted">Shares available</dt>
            <dd className="text-right tabular-nums">{formatQuantity(availableShares)}</dd>
          </>
        )}
      </dl>
      {draft.side === 'buy' && draft.type === 'stop' && (
        <p className="text-xs text-muted">
          A stop buy holds 5% more than its expected cost, in case it fills above its stop.
        </p>
      )}
      {problem && (
        <p id={problemId} role="alert" className="text-sm text-down">
          {problem}
        </p>
      )}
      <Button
        type="submit"
        size="lg"
        variant={draft.side === 'buy' ? 'buy' : 'sell'}
        disabled={!!problem || Object.keys(typedErrors).length > 0}
        aria-describedby={problem ? problemId : undefined}
      >
        Review {draft.side} order
      </Button>
      <OrderConfirmDialog
        symbol={symbol}
        order={review}
        outlook={reviewOutlook}
        estimate={review && live ? estimateOrder(review, live) : null}
        noLongerFits={noLongerFits}
        pending={placeOrder.isPending}
        error={placeOrder.isError ? describeRejection(placeOrder.error) : null}
        refused={isRejection(placeOrder.error)}
        onConfirm={confirm}
        onClose={() => {
          setReview(null)
          placeOrder.reset()
        }}
      />
    </form>
  )
}

/** Shown instead of the ticket before sign-in. */
export function SignInToTrade({ symbol }: { symbol: string }) {
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p className="text-muted">
        Sign in (or try as a guest) to trade {symbol} with $100,000 of virtual cash.
      </p>
      <Link
        to={`/sign-in?next=${encodeURIComponent(`/stocks/${symbol}`)}`}
        className="inline-flex h-10 items-center justify-center rounded-md bg-primary px-4 font-medium text-primary-fg hover:bg-primary-hover"
      >
        Sign in to trade
      </Link>
    </div>
  )
}

/** Fills the amount field with the most the ticket allows (all shares, all buying power). */
function FillButton({ children, onClick }: { children: ReactNode; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="-mt-1 self-end text-xs font-medium text-link hover:underline"
    >
      {children}
    </button>
  )
}

/** 1.9999999999999998 (one float subtraction off) → 2: the ticket takes up to 6 decimals. */
function roundTo(value: number, places: number): number {
  return Number(value.toFixed(places))
}
