import { parseAlertForm, wrongSideErrors } from './alert-form'

describe('parseAlertForm', () => {
  it('reads empty fields as no alert', () => {
    expect(parseAlertForm({ above: '', below: ' ' })).toEqual({
      ok: true,
      values: { above: null, below: null },
    })
  })

  it('accepts prices with a dollar sign and separators, rounded to 4 decimals', () => {
    expect(parseAlertForm({ above: '$1,250.123456', below: '99' })).toEqual({
      ok: true,
      values: { above: 1250.1235, below: 99 },
    })
  })

  it('rejects zero, negatives and text with a message per field', () => {
    const result = parseAlertForm({ above: '-3', below: 'abc' })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.errors.above).toMatch(/above zero/)
      expect(result.errors.below).toMatch(/above zero/)
    }
  })

  it('requires the lower alert to be under the upper one', () => {
    const result = parseAlertForm({ above: '100', below: '120' })
    expect(result).toEqual({
      ok: false,
      errors: { below: 'The lower alert must be below the upper alert.' },
    })
  })
})

describe('wrongSideErrors', () => {
  it('asks for a "rises to" above the price and a "falls to" below it', () => {
    expect(wrongSideErrors({ above: 31, below: null }, 'KO', 63.4)).toEqual({
      above: "KO is at $63.40 now: choose a price above it, or use 'falls to'.",
    })
    expect(wrongSideErrors({ above: null, below: 70 }, 'KO', 63.4)).toEqual({
      below: "KO is at $63.40 now: choose a price below it, or use 'rises to'.",
    })
    // At the price is the wrong side too: it would fire on the next tick.
    expect(wrongSideErrors({ above: 63.4, below: 63.4 }, 'KO', 63.4)).toEqual({
      above: expect.stringMatching(/above it/),
      below: expect.stringMatching(/below it/),
    })
    expect(wrongSideErrors({ above: 70, below: 60 }, 'KO', 63.4)).toEqual({})
    expect(wrongSideErrors({ above: 31, below: 90 }, 'KO', undefined)).toEqual({})
  })
})
