import { describe, expect, it } from 'vitest'
import { startOfTradingDay, symbolDayChange, type DayFill } from './day-change'

const dayStart = Date.parse('2026-11-22T00:00:00Z')
const before = (hours: number) => dayStart - hours * 3_600_000
const today = (hours: number) => dayStart + hours * 3_600_000
const fill = (at: number, side: DayFill['side'], quantity: number, price: number): DayFill => ({
  at,
  side,
  quantity,
  price,
})

describe('symbolDayChange', () => {
  it('counts shares held overnight from the previous close', () => {
    const result = symbolDayChange({
      fills: [fill(before(30), 'buy', 10, 90)],
      dayStart,
      price: 105,
      previousClose: 100,
    })
    expect(result?.change).toBeCloseTo(50)
    expect(result?.ratio).toBeCloseTo(0.05)
  })

  it('counts shares bought today from what was paid, not from the previous close', () => {
    const result = symbolDayChange({
      fills: [fill(today(2), 'buy', 4, 110)],
      dayStart,
      price: 105,
      previousClose: 100,
    })
    expect(result?.change).toBeCloseTo(-20)
    expect(result?.ratio).toBeCloseTo(-20 / 440)
  })

  it('adds what a sale today fetched over the previous close, for shares held overnight', () => {
    // 10 held at a 100 close; 4 sold today at 108 (+32); 6 left, now 103 (+18).
    const result = symbolDayChange({
      fills: [fill(before(5), 'buy', 10, 95), fill(today(1), 'sell', 4, 108)],
      dayStart,
      price: 103,
      previousClose: 100,
    })
    expect(result?.change).toBeCloseTo(50)
    expect(result?.ratio).toBeCloseTo(50 / 1000)
  })

  it('mixes overnight shares and today’s buys, in any order of fills', () => {
    // 5 overnight from a 200 close (+25 at 205), 5 bought today at 210 (−25 at 205).
    const result = symbolDayChange({
      fills: [fill(today(3), 'buy', 5, 210), fill(before(2), 'buy', 5, 180)],
      dayStart,
      price: 205,
      previousClose: 200,
    })
    expect(result?.change).toBeCloseTo(0)
    expect(result?.ratio).toBeCloseTo(0)
  })

  it('has nothing to say for a symbol neither held at the open nor traded today', () => {
    const closedBefore = [fill(before(30), 'buy', 3, 90), fill(before(20), 'sell', 3, 95)]
    expect(
      symbolDayChange({ fills: closedBefore, dayStart, price: 100, previousClose: 99 }),
    ).toBeUndefined()
    expect(symbolDayChange({ fills: [], dayStart, price: 100, previousClose: 99 })).toBeUndefined()
  })
})

describe('startOfTradingDay', () => {
  it('is midnight UTC of the same UTC day', () => {
    expect(startOfTradingDay(Date.parse('2026-11-22T23:59:59Z'))).toBe(dayStart)
    expect(startOfTradingDay(dayStart)).toBe(dayStart)
  })
})
