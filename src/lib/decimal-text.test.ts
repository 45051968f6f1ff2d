import fc from 'fast-check'
import { compactText, decimalText, type DecimalOptions } from './decimal-text'

/** What the app's formatters would say through Intl: the oracle these functions must match. */
function intlText(n: number, options: DecimalOptions): string {
  const { minFraction, maxFraction, sign = 'auto', prefix = '', suffix = '', power = 0 } = options
  const style = prefix === '$' ? 'currency' : power === 2 && suffix === '%' ? 'percent' : 'decimal'
  return new Intl.NumberFormat('en-US', {
    style,
    currency: style === 'currency' ? 'USD' : undefined,
    minimumFractionDigits: minFraction,
    maximumFractionDigits: maxFraction,
    signDisplay: sign,
  }).format(n)
}

const compactIntl = (n: number, fraction: number) =>
  new Intl.NumberFormat('en-US', {
    notation: 'compact',
    minimumFractionDigits: fraction,
    maximumFractionDigits: fraction,
  }).format(n)

/** The options format.ts uses. */
const FORMATS: DecimalOptions[] = [
  { minFraction: 2, maxFraction: 2, prefix: '$' },
  { minFraction: 4, maxFraction: 4, prefix: '$' },
  { minFraction: 2, maxFraction: 2, prefix: '$', sign: 'exceptZero' },
  { minFraction: 2, maxFraction: 4, prefix: '$' },
  { minFraction: 2, maxFraction: 2, suffix: '%', power: 2, sign: 'always' },
  { minFraction: 0, maxFraction: 2 },
  { minFraction: 0, maxFraction: 6 },
]

/**
 * Numbers of every size a price, amount, ratio or volume can have, with the awkward ones made
 * likely: exact halves at the rounding place (1.005, 0.125), runs of nines (999.995), prices
 * in cents and ten-thousandths, signed zeros, and doubles of any magnitude.
 */
const numbers = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e22, max: 1e22 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -2, max: 2 }),
  fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }).map((i) => i / 10_000),
  fc.integer({ min: -100_000_000, max: 100_000_000 }).map((i) => i / 100),
  fc
    .tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: -9, max: 15 }), fc.boolean())
    .map(([i, e, negative]) => (negative ? -1 : 1) * (i + 0.5) * 10 ** e),
  fc
    .tuple(fc.integer({ min: 1, max: 15 }), fc.integer({ min: -8, max: 4 }))
    .map(([nines, e]) => (10 ** nines - 0.5) * 10 ** e),
  fc.constantFrom(0, -0, 1.005, 2.675, 0.125, 999.995, 999_995, 1e21, 1.5e-7, Number.MIN_VALUE),
)

describe('decimal text', () => {
  it('is what Intl.NumberFormat says, for every format the app uses', () => {
    fc.assert(
      fc.property(numbers, fc.constantFrom(...FORMATS), (n, options) => {
        expect(decimalText(n, options)).toBe(intlText(n, options))
      }),
      { numRuns: 20_000 },
    )
  })

  it("is what Intl's compact notation says", () => {
    fc.assert(
      fc.property(numbers, fc.constantFrom(0, 2), (n, fraction) => {
        expect(compactText(n, fraction)).toBe(compactIntl(n, fraction))
      }),
      { numRuns: 20_000 },
    )
  })

  it('rounds the shortest decimal half away from zero, as ICU does and toFixed does not', () => {
    const cents = { minFraction: 2, maxFraction: 2 }
    expect((1.005).toFixed(2)).toBe('1.00')
    expect(decimalText(1.005, cents)).toBe('1.01')
    expect(decimalText(-2.675, cents)).toBe('-2.68')
    expect(decimalText(0.995, cents)).toBe('1.00')
    expect(decimalText(999_999.999, cents)).toBe('1,000,000.00')
    expect(decimalText(1.5e-7, { minFraction: 0, maxFraction: 6 })).toBe('0')
    expect(decimalText(1e21, cents)).toBe('1,000,000,000,000,000,000,000.00')
  })

  it('shows signs as signDisplay does', () => {
    const cents = { minFraction: 2, maxFraction: 2, prefix: '$' }
    expect(decimalText(-0.001, cents)).toBe('-$0.00')
    expect(decimalText(-0.001, { ...cents, sign: 'exceptZero' })).toBe('$0.00')
    expect(decimalText(0.005, { ...cents, sign: 'exceptZero' })).toBe('+$0.01')
    expect(decimalText(0, { ...cents, sign: 'always' })).toBe('+$0.00')
    expect(decimalText(-0, { ...cents, sign: 'always' })).toBe('-$0.00')
  })

  it('moves to the next suffix when rounding reaches it', () => {
    expect(compactText(999_994, 2)).toBe('999.99K')
    expect(compactText(999_995, 2)).toBe('1.00M')
    expect(compactText(999.995, 2)).toBe('1.00K')
    expect(compactText(-1_234_567, 2)).toBe('-1.23M')
    expect(compactText(1e18, 2)).toBe('1,000,000.00T')
  })
})
