import { crossedWarning, parseAlertForm } from './alert-form'

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

describe('crossedWarning', () => {
  it('warns when a threshold is already crossed', () => {
    expect(crossedWarning({ above: 100, below: null }, 101)).toMatch(/already at or above/)
    expect(crossedWarning({ above: null, below: 100 }, 99)).toMatch(/already at or below/)
    expect(crossedWarning({ above: 110, below: 90 }, 100)).toBeNull()
    expect(crossedWarning({ above: 110, below: 90 }, undefined)).toBeNull()
  })
})
