/**
 * en-US number text without Intl, for the formatters in format.ts.
 *
 * A page's first Intl call makes V8 load ICU (its locale data and the list of locales it knows):
 * ~20 ms on this machine, ~80 ms of one task on a phone-class CPU, the longest task of the
 * market page's load. The market page formats every price it shows, and nothing else on it needs
 * ICU; these functions give the text Intl.NumberFormat('en-US') gives (decimal-text.test.ts checks
 * them against Intl for random values), so the landing page never loads it.
 *
 * Like ICU, they round the shortest decimal that reads back as the number (String(n)), half away
 * from zero: 1.005 is "1.01", where (1.005).toFixed(2), working on the binary value, says "1.00".
 */

export type SignDisplay = 'auto' | 'exceptZero' | 'always'

/** |n| as 0.digits × 10^point; digits has no leading or trailing zeros and is '' for zero. */
interface Decimal {
  digits: string
  point: number
}

const ZERO: Decimal = { digits: '', point: 0 }

function decimalOf(n: number): Decimal {
  const text = String(Math.abs(n)) // '123.45', '0.00123', '1.5e-7', '1e+21'
  const e = text.indexOf('e')
  const mantissa = e < 0 ? text : text.slice(0, e)
  const dot = mantissa.indexOf('.')
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1)
  const lead = digits.search(/[1-9]/)
  if (lead < 0) return ZERO
  return {
    digits: digits.slice(lead).replace(/0+$/, ''),
    point: (dot < 0 ? mantissa.length : dot) + (e < 0 ? 0 : Number(text.slice(e + 1))) - lead,
  }
}

/** Rounds to `fraction` decimal places, half away from zero. */
function round({ digits, point }: Decimal, fraction: number): Decimal {
  const keep = point + fraction
  if (keep >= digits.length) return { digits, point }
  if (keep < 0) return ZERO
  let kept = digits.slice(0, keep)
  if (digits[keep] >= '5') {
    const last = kept.search(/9*$/) - 1 // the last digit that is not a 9: it takes the carry
    if (last < 0) return { digits: '1', point: point + 1 }
    kept = kept.slice(0, last) + String(Number(kept[last]) + 1)
  }
  kept = kept.replace(/0+$/, '')
  return kept ? { digits: kept, point } : ZERO
}

function scale({ digits, point }: Decimal, powerOfTen: number): Decimal {
  return digits ? { digits, point: point + powerOfTen } : ZERO
}

/**
 * A rounded decimal's digits, with at least `minFraction` decimals and thousands grouped once
 * the integer part has `groupFrom` digits (compact notation waits for 5: 1000T, 10,000T).
 */
function digitsText({ digits, point }: Decimal, minFraction: number, groupFrom = 4): string {
  const int = point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0')
  const fraction = point < 0 ? '0'.repeat(-point) + digits : digits.slice(point)
  const shown = fraction.padEnd(minFraction, '0')
  const grouped = int.length < groupFrom ? int : int.replace(/\B(?=(\d{3})+$)/g, ',')
  return grouped + (shown ? `.${shown}` : '')
}

/** The sign as Intl's signDisplay shows it; `shownZero`: every digit shown is 0. */
function signText(n: number, shownZero: boolean, display: SignDisplay): string {
  if (display === 'exceptZero' && shownZero) return ''
  if (n < 0 || Object.is(n, -0)) return '-'
  return display === 'auto' ? '' : '+'
}

export interface DecimalOptions {
  minFraction: number
  maxFraction: number
  sign?: SignDisplay
  /** Between the sign and the digits: '$'. */
  prefix?: string
  /** After the digits: '%'. */
  suffix?: string
  /** Shows n × 10^power (2 for a percentage), exactly: the digits move, nothing is multiplied. */
  power?: number
}

/** A finite number as Intl.NumberFormat('en-US') with the same options shows it. */
export function decimalText(
  n: number,
  { minFraction, maxFraction, sign = 'auto', prefix = '', suffix = '', power = 0 }: DecimalOptions,
): string {
  const rounded = round(scale(decimalOf(n), power), maxFraction)
  return `${signText(n, !rounded.digits, sign)}${prefix}${digitsText(rounded, minFraction)}${suffix}`
}

const COMPACT_SUFFIXES = ['', 'K', 'M', 'B', 'T']

/**
 * Intl's compact notation ('short', en-US) with a fixed number of decimals: 1.23K, 45.60M,
 * 1000.00T, 10,000.00T. The suffix follows the rounded value, so 999,999 is 1.00M, not 1,000.00K.
 */
export function compactText(n: number, fraction: number): string {
  const exact = decimalOf(n)
  const tierOf = (point: number) =>
    Math.min(COMPACT_SUFFIXES.length - 1, Math.max(0, Math.floor((point - 1) / 3)))
  let tier = tierOf(exact.point)
  let rounded = round(scale(exact, -3 * tier), fraction)
  if (tierOf(rounded.point + 3 * tier) > tier) {
    tier += 1
    rounded = round(scale(exact, -3 * tier), fraction)
  }
  return `${signText(n, !rounded.digits, 'auto')}${digitsText(rounded, fraction, 5)}${COMPACT_SUFFIXES[tier]}`
}
