import * as z from 'zod/mini'
import { formatCurrency, formatTargetPrice } from '@/lib/format'

/** An empty field means "no alert on this side"; otherwise a positive price with ≤ 4 decimals. */
const threshold = z.pipe(
  z.string().check(z.trim()),
  z.transform((value: string, context) => {
    if (value === '') return null
    const price = Number(value.replace(/[$,\s]/g, ''))
    if (!Number.isFinite(price) || price <= 0) {
      const message = 'Enter a price above zero, or leave it empty.'
      context.issues.push({ code: 'custom', message, input: value })
      return z.NEVER
    }
    if (price > 1_000_000_000) {
      context.issues.push({ code: 'custom', message: 'That price is too high.', input: value })
      return z.NEVER
    }
    return Math.round(price * 10_000) / 10_000
  }),
)

export const alertFormSchema = z.object({ above: threshold, below: threshold }).check(
  z.superRefine((value, context) => {
    if (value.above !== null && value.below !== null && value.below >= value.above) {
      context.addIssue({
        code: 'custom',
        path: ['below'],
        message: 'The lower alert must be below the upper alert.',
      })
    }
  }),
)

export type AlertFormValues = z.output<typeof alertFormSchema>

export type AlertFormErrors = Partial<Record<'above' | 'below', string>>

export function parseAlertForm(input: {
  above: string
  below: string
}): { ok: true; values: AlertFormValues } | { ok: false; errors: AlertFormErrors } {
  const result = alertFormSchema.safeParse(input)
  if (result.success) return { ok: true, values: result.data }
  const errors: AlertFormErrors = {}
  for (const issue of result.error.issues) {
    const field = issue.path[0]
    if ((field === 'above' || field === 'below') && !errors[field]) errors[field] = issue.message
  }
  return { ok: false, errors }
}

/**
 * An alert on the wrong side of the price would fire on the next tick (a "rises to" $31 with the
 * stock at $63 fires at once), so it blocks saving. Only checked once the fields parse, and only
 * against a price the app has.
 */
export function wrongSideErrors(
  values: AlertFormValues,
  symbol: string,
  price: number | undefined,
): AlertFormErrors {
  if (price === undefined) return {}
  const now = `${symbol} is at ${formatCurrency(price)} now`
  const errors: AlertFormErrors = {}
  if (values.above !== null && values.above <= price) {
    errors.above = `${now}: choose a price above it, or use 'falls to'.`
  }
  if (values.below !== null && values.below >= price) {
    errors.below = `${now}: choose a price below it, or use 'rises to'.`
  }
  return errors
}

/** A watched stock's alert thresholds in a few characters ("≥ $240.00 · ≤ $200.00"); null for none. */
export function alertThresholds(entry: {
  alert_above: number | null
  alert_below: number | null
}): string | null {
  const parts: string[] = []
  if (entry.alert_above !== null) parts.push(`≥ ${formatTargetPrice(entry.alert_above)}`)
  if (entry.alert_below !== null) parts.push(`≤ ${formatTargetPrice(entry.alert_below)}`)
  return parts.length === 0 ? null : parts.join(' · ')
}
