import { useId, useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { Input } from '@/components/ui/input'
import { toast } from '@/components/ui/toast-store'
import { formatCurrency } from '@/lib/format'
import { useQuote } from '@/lib/use-quote'
import { parseAlertForm, wrongSideErrors, type AlertFormErrors } from '@/lib/alert-form'
import { useSetAlert } from '@/lib/api/set-alert'

/** A stock and its alert thresholds (a watchlist row, with its stock's name and price). */
export interface AlertTarget {
  symbol: string
  alert_above: number | null
  alert_below: number | null
  stocks?: { name: string; price: number } | null
  /** False for a stock not on the watchlist yet: saving an alert adds it (alerts live there). */
  watched?: boolean
}

function AlertForm({
  entry,
  userId,
  onDone,
  onCancel,
}: {
  entry: AlertTarget
  userId: string
  onDone: () => void
  onCancel: () => void
}) {
  const quote = useQuote(entry.symbol)
  const price = quote?.price ?? entry.stocks?.price
  const [above, setAbove] = useState(entry.alert_above === null ? '' : String(entry.alert_above))
  const [below, setBelow] = useState(entry.alert_below === null ? '' : String(entry.alert_below))
  const [errors, setErrors] = useState<AlertFormErrors>({})
  const save = useSetAlert(userId)
  const watched = entry.watched ?? true
  // A submit error goes once its field is edited: with Save disabled by a wrong-side price, a
  // stale one could not be cleared by submitting again.
  const clearError = (field: keyof AlertFormErrors) =>
    setErrors((current) => ({ ...current, [field]: undefined }))
  const parsed = parseAlertForm({ above, below })
  // Shown as typed, unlike the format errors (on submit): Save stays disabled until it is fixed.
  const wrongSide = parsed.ok ? wrongSideErrors(parsed.values, entry.symbol, price) : {}
  const blockedBy = (['above', 'below'] as const).filter((field) => wrongSide[field])
  const id = useId()
  const errorId = (field: 'above' | 'below') => `${id}-${field}-error`

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!parsed.ok) {
      setErrors(parsed.errors)
      return
    }
    if (blockedBy.length > 0) return
    setErrors({})
    save.mutate(
      {
        symbol: entry.symbol,
        alertAbove: parsed.values.above,
        alertBelow: parsed.values.below,
        watch: !watched,
      },
      {
        onSuccess: () => {
          const cleared = parsed.values.above === null && parsed.values.below === null
          toast({
            title: cleared
              ? `Alert removed for ${entry.symbol}`
              : `Alert saved for ${entry.symbol}`,
            description: watched ? undefined : `${entry.symbol} is on your watchlist now.`,
            tone: 'success',
          })
          onDone()
        },
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <p className="text-sm">
        Current price: <span className="font-semibold tabular-nums">{formatCurrency(price)}</span>
      </p>
      <Input
        id={`${id}-above`}
        label="Alert when the price rises to"
        inputMode="decimal"
        value={above}
        onChange={(event) => {
          setAbove(event.target.value)
          clearError('above')
        }}
        placeholder="No upper alert"
        error={errors.above ?? wrongSide.above}
        data-autofocus
      />
      <Input
        id={`${id}-below`}
        label="Alert when the price falls to"
        inputMode="decimal"
        value={below}
        onChange={(event) => {
          setBelow(event.target.value)
          clearError('below')
        }}
        placeholder="No lower alert"
        error={errors.below ?? wrongSide.below}
      />
      <p className="text-xs text-muted">
        An alert fires once, the first time the price crosses it, and you are notified in the app on
        any page. Leave a field empty for no alert on that side.
        {!watched && ` Saving it adds ${entry.symbol} to your watchlist.`}
      </p>
      {save.error && (
        <p role="alert" className="text-sm text-down">
          The alert could not be saved: {save.error.message}
        </p>
      )}
      {/* Like the order confirmation: Cancel beside the primary action, Remove set apart. */}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        {(entry.alert_above !== null || entry.alert_below !== null) && (
          <Button
            variant="secondary"
            className="sm:mr-auto"
            disabled={save.isPending}
            onClick={() => {
              setAbove('')
              setBelow('')
              save.mutate(
                { symbol: entry.symbol, alertAbove: null, alertBelow: null },
                {
                  onSuccess: () => {
                    toast({ title: `Alert removed for ${entry.symbol}`, tone: 'success' })
                    onDone()
                  },
                },
              )
            }}
          >
            Remove alert
          </Button>
        )}
        <Button variant="secondary" onClick={onCancel} disabled={save.isPending}>
          Cancel
        </Button>
        <Button
          type="submit"
          loading={save.isPending}
          disabled={blockedBy.length > 0}
          aria-describedby={
            blockedBy.length > 0 ? blockedBy.map((field) => errorId(field)).join(' ') : undefined
          }
        >
          Save alert
        </Button>
      </div>
    </form>
  )
}

export function AlertDialog({
  entry,
  userId,
  onClose,
}: {
  entry: AlertTarget | null
  userId: string
  onClose: () => void
}) {
  return (
    <Dialog
      open={entry !== null}
      onClose={onClose}
      title={entry ? `Price alert for ${entry.symbol}` : 'Price alert'}
      description={entry?.stocks?.name}
    >
      {entry && (
        <AlertForm
          key={entry.symbol}
          entry={entry}
          userId={userId}
          onDone={onClose}
          onCancel={onClose}
        />
      )}
    </Dialog>
  )
}
