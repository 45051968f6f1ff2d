/**
 * Number formatting for money, quantities and changes, en-US, as Intl.NumberFormat says them.
 * Numbers go through decimal-text.ts, which does not load ICU (the market page shows nothing
 * else that would); dates go through Intl, made on first use.
 */
import { compactText, decimalText, type DecimalOptions } from './decimal-text'

const LOCALE = 'en-US'

/** Accepts the strings PostgREST returns for `numeric` as well as numbers. */
export function toNumber(value: number | string | null | undefined): number {
  if (value === null || value === undefined || value === '') return Number.NaN
  return typeof value === 'number' ? value : Number(value)
}

const DASH = '—'

function numberText(value: number | string | null | undefined, options: DecimalOptions): string {
  const n = toNumber(value)
  return Number.isFinite(n) ? decimalText(n, options) : DASH
}

const dollars = (digits: number): DecimalOptions => ({
  minFraction: digits,
  maxFraction: digits,
  prefix: '$',
})

/** $1,234.56 (2 decimals; prices under $1 keep 4 so sub-dollar moves stay visible). */
export function formatCurrency(value: number | string | null | undefined, digits?: number): string {
  const n = toNumber(value)
  return numberText(n, dollars(digits ?? (Math.abs(n) > 0 && Math.abs(n) < 1 ? 4 : 2)))
}

/**
 * An amount of money (cash, buying power, a value or cost): always dollars and cents. Prices use
 * formatCurrency, whose 4 decimals under $1 would show a leftover $0.0001 of cash.
 */
export function formatMoney(value: number | string | null | undefined): string {
  return formatCurrency(value, 2)
}

/**
 * An execution price (a fill, or an order's limit or stop): always the 4 decimals the engine
 * keeps ($100.0050, $150.0000), so the prices in a column line up and nothing is rounded away.
 * Live quotes use formatCurrency's 2 decimals.
 */
export function formatOrderPrice(value: number | string | null | undefined): string {
  return numberText(value, dollars(4))
}

/**
 * A price the user typed, such as an alert target: the up to 4 decimals they gave, at least
 * cents ($420.00, $12.345, $12.3456), so the target shown is the one saved, not a rounding of it.
 */
export function formatTargetPrice(value: number | string | null | undefined): string {
  return numberText(value, { minFraction: 2, maxFraction: 4, prefix: '$' })
}

/**
 * +$12.30 / -$4.00 / $0.00 (also for a change under half a cent either way). A sign shows only
 * when the shown digits are not all zero: a loss of a third of a cent is "$0.00", not "-$0.00"
 * (Intl's 'exceptZero' applies to the rounded value; directionOf rounds the same way, so an
 * amount's colour agrees with its text). Percentages differ (see formatPercent).
 */
export function formatSignedCurrency(value: number | string | null | undefined): string {
  return numberText(value, { ...dollars(2), sign: 'exceptZero' })
}

/**
 * A ratio as a signed percentage: 0.0123 → +1.23%, -0.00001 → -0.00%, 0 → 0.00%. Unlike an
 * amount, a nonzero ratio keeps its sign when it rounds to zero: it sits beside the amount it
 * is a share of ("-$1.30 -0.00%"), which must not read as no change. Colour: percentClass.
 */
export function formatPercent(ratio: number | string | null | undefined): string {
  const n = toNumber(ratio)
  // 'always' would say "+0.00%" for 0 and "-0.00%" for -0.
  if (n === 0) return '0.00%'
  return numberText(n, { minFraction: 2, maxFraction: 2, suffix: '%', power: 2, sign: 'always' })
}

/**
 * 1.20M, 45.60K: always 2 decimals so a column of volumes lines up (1.20M above 11.35M). Under
 * a thousand there is no suffix to align, so 950 stays 950.
 */
export function formatCompact(value: number | string | null | undefined): string {
  const n = toNumber(value)
  if (!Number.isFinite(n)) return DASH
  return Math.abs(n) < 999.995
    ? decimalText(n, { minFraction: 0, maxFraction: 2 })
    : compactText(n, 2)
}

/** Share quantities keep up to 6 decimals (fractional shares) and drop trailing zeros. */
export function formatQuantity(value: number | string | null | undefined): string {
  return numberText(value, { minFraction: 0, maxFraction: 6 })
}

function dateTimeFormat(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let format: Intl.DateTimeFormat | undefined
  return () => (format ??= new Intl.DateTimeFormat(LOCALE, options))
}

const dateTimeFormatter = dateTimeFormat({ dateStyle: 'medium', timeStyle: 'short' })
const dateFormatter = dateTimeFormat({ dateStyle: 'medium' })
const timeFormatter = dateTimeFormat({ timeStyle: 'short' })
// The history's times, to the second: two fills a tick apart read apart.
const secondsFormatter = dateTimeFormat({ timeStyle: 'medium' })

function toDate(value: string | number | Date | null | undefined): Date | null {
  if (value === null || value === undefined) return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

export function formatDateTime(value: string | number | Date | null | undefined): string {
  const date = toDate(value)
  return date ? dateTimeFormatter().format(date) : DASH
}

/** The time of day in the user's time zone ("2:05 PM"), as formatDateTime says it. */
export function formatTime(value: string | number | Date | null | undefined): string {
  const date = toDate(value)
  return date ? timeFormatter().format(date) : DASH
}

/**
 * A moment of the history in two halves ("Nov 22, 2026" and "7:17:05 PM", to the second: two
 * fills a tick apart read apart), for narrow cells that may break between date and time but
 * never inside either.
 */
export function formatDateAndTime(value: string | number | Date | null | undefined): {
  date: string
  time: string
} | null {
  const date = toDate(value)
  return date ? { date: dateFormatter().format(date), time: secondsFormatter().format(date) } : null
}

export type Direction = 'up' | 'down' | 'flat'

/**
 * The direction an amount shows at `decimals` places (2: cents): flat when it rounds to zero,
 * as the formatters round (half away from zero), so "$0.00" is never red or green.
 */
export function directionOf(value: number | string | null | undefined, decimals = 2): Direction {
  const n = toNumber(value)
  if (!Number.isFinite(n) || Math.abs(n) < 0.5 * 10 ** -decimals) return 'flat'
  return n > 0 ? 'up' : 'down'
}

/** Text colour classes by sign; the tokens meet WCAG AA in both themes (see index.css). */
export const directionClass: Record<Direction, string> = {
  up: 'text-up',
  down: 'text-down',
  flat: 'text-muted',
}

export function signClass(value: number | string | null | undefined, decimals = 2): string {
  return directionClass[directionOf(value, decimals)]
}

/** The direction of a ratio as formatPercent signs it: by its sign, flat only at exactly 0. */
export function percentDirection(ratio: number | string | null | undefined): Direction {
  const n = toNumber(ratio)
  if (!Number.isFinite(n) || n === 0) return 'flat'
  return n > 0 ? 'up' : 'down'
}

/** Colour class of a percentage shown by formatPercent. */
export function percentClass(ratio: number | string | null | undefined): string {
  return directionClass[percentDirection(ratio)]
}

/** Day change of a quote: absolute and as a ratio of the previous close. */
export function dayChange(price: number, previousClose: number) {
  const change = price - previousClose
  return { change, ratio: previousClose > 0 ? change / previousClose : 0 }
}
