import {
  dayChange,
  directionOf,
  formatCompact,
  formatCurrency,
  formatDateAndTime,
  formatDateTime,
  formatMoney,
  formatOrderPrice,
  formatTargetPrice,
  formatPercent,
  formatQuantity,
  formatSignedCurrency,
  percentClass,
  percentDirection,
  signClass,
  toNumber,
} from './format'

describe('format', () => {
  it('formats currency from numbers and numeric strings', () => {
    expect(formatCurrency(1234.5)).toBe('$1,234.50')
    expect(formatCurrency('190.1234')).toBe('$190.12')
    expect(formatCurrency(0.5)).toBe('$0.5000')
    expect(formatCurrency(null)).toBe('—')
    expect(formatCurrency('abc')).toBe('—')
  })

  it('signs changes', () => {
    expect(formatSignedCurrency(12.3)).toBe('+$12.30')
    expect(formatSignedCurrency(-4)).toBe('-$4.00')
    expect(formatSignedCurrency(0)).toBe('$0.00')
    expect(formatPercent(0.0123)).toBe('+1.23%')
    expect(formatPercent(-0.5)).toBe('-50.00%')
    expect(formatPercent(0)).toBe('0.00%')
    // a nonzero ratio keeps its sign even when it rounds to zero: "-$1.30" is not "0.00%"
    expect(formatPercent(-0.000017)).toBe('-0.00%')
    expect(formatPercent(0.00004)).toBe('+0.00%')
    expect(formatPercent(-0)).toBe('0.00%')
    expect(formatPercent(-0.00005)).toBe('-0.01%')
    // the same minus sign as any other negative percentage
    expect(formatPercent(-0.000017)[0]).toBe(formatPercent(-0.5)[0])
    expect(formatSignedCurrency(-0.004)).toBe('$0.00')
    expect(formatSignedCurrency(0.0049)).toBe('$0.00')
    expect(formatSignedCurrency(-0.005)).toBe('-$0.01')
    expect(formatSignedCurrency('0.005')).toBe('+$0.01')
  })

  it('formats compact numbers and quantities', () => {
    expect(formatCompact(1_234_567)).toBe('1.23M')
    // a fixed 2 decimals so a volume column lines up
    expect(formatCompact(1_200_000)).toBe('1.20M')
    expect(formatCompact(11_350_000)).toBe('11.35M')
    expect(formatCompact('612830')).toBe('612.83K')
    expect(formatCompact(1_000)).toBe('1.00K')
    expect(formatCompact(999_999)).toBe('1.00M')
    expect(formatCompact(950)).toBe('950')
    expect(formatCompact(12.5)).toBe('12.5')
    expect(formatCompact(null)).toBe('—')
    expect(formatQuantity('2.500000')).toBe('2.5')
    expect(formatQuantity(0.123456)).toBe('0.123456')
  })

  it('splits a date-time into date and time to the second, for the history', () => {
    const at = new Date(2026, 10, 22, 19, 17, 5)
    expect(formatDateAndTime(at)).toEqual({ date: 'Nov 22, 2026', time: '7:17:05 PM' })
    expect(formatDateTime(at)).toBe('Nov 22, 2026, 7:17 PM')
    expect(formatDateAndTime('not a date')).toBeNull()
  })

  it('maps signs to directions and colour classes', () => {
    expect(directionOf(1)).toBe('up')
    expect(directionOf('-0.01')).toBe('down')
    expect(directionOf(0)).toBe('flat')
    expect(signClass(-1)).toBe('text-down')
    // the direction of the shown, rounded value: the colour agrees with the formatters' text
    for (const value of [-0.004, 0.0049, -0.005, 0.005, 0.0051, -1e-9]) {
      const shown = formatSignedCurrency(value)
      expect(directionOf(value), shown).toBe(
        shown.startsWith('+') ? 'up' : shown.startsWith('-') ? 'down' : 'flat',
      )
    }
    // a percentage's colour follows its sign, which it shows even when it rounds to 0.00%
    for (const ratio of [-0.000017, 0.00004, 0.00005, -0.00005, 0.0123, 0, -0]) {
      const shown = formatPercent(ratio)
      expect(percentDirection(ratio), shown).toBe(
        shown.startsWith('+') ? 'up' : shown.startsWith('-') ? 'down' : 'flat',
      )
    }
    expect(percentClass(-0.000017)).toBe('text-down')
    expect(percentClass(0)).toBe('text-muted')
    expect(percentClass(null)).toBe('text-muted')
    expect(toNumber('')).toBeNaN()
  })

  it('computes day change against the previous close', () => {
    expect(dayChange(110, 100)).toEqual({ change: 10, ratio: 0.1 })
    expect(dayChange(5, 0)).toEqual({ change: 5, ratio: 0 })
  })
})

describe('formatOrderPrice', () => {
  it("shows an execution price to exactly the database's 4 decimals, so a column lines up", () => {
    expect(formatOrderPrice(100.005)).toBe('$100.0050')
    expect(formatOrderPrice('225.8029')).toBe('$225.8029')
    expect(formatOrderPrice(234.968)).toBe('$234.9680')
    expect(formatOrderPrice(150)).toBe('$150.0000')
    expect(formatOrderPrice(1234.5)).toBe('$1,234.5000')
    expect(formatOrderPrice(0.5)).toBe('$0.5000')
    expect(formatOrderPrice(null)).toBe('—')
  })
})

describe('formatMoney', () => {
  it('shows an amount of money in dollars and cents, even under a dollar', () => {
    expect(formatMoney(0.0001)).toBe('$0.00')
    expect(formatMoney(0.5)).toBe('$0.50')
    expect(formatMoney(100035.9026)).toBe('$100,035.90')
    // a price under a dollar keeps its 4 decimals
    expect(formatCurrency(0.5)).toBe('$0.5000')
  })
})

describe('formatTargetPrice', () => {
  it('shows at least cents and up to the 4 decimals a target may have', () => {
    expect(formatTargetPrice(420)).toBe('$420.00')
    expect(formatTargetPrice(12.3456)).toBe('$12.3456')
    expect(formatTargetPrice('12.3450')).toBe('$12.345')
    expect(formatTargetPrice(12.3)).toBe('$12.30')
    expect(formatTargetPrice(0.5)).toBe('$0.50')
    expect(formatTargetPrice(0.0001)).toBe('$0.0001')
    expect(formatTargetPrice(1234.5678)).toBe('$1,234.5678')
    expect(formatTargetPrice(null)).toBe('—')
    expect(formatTargetPrice('')).toBe('—')
  })
})
