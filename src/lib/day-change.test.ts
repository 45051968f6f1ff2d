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
    // of the 6 shares still held, at their $100 close: the 4 sold are no longer at stake
    expect(result?.ratio).toBeCloseTo(50 / 600)
  })

  it('takes the % over the cost of the shares bought today that are still held', () => {
    // 10 bought today at 234.968, 4 sold at 234.8311 (−$0.55 realized), 6 left at 244.9035:
    // today −$0.55 + $59.61 over the 6 shares' $1,409.81, not over the 10 bought.
    const result = symbolDayChange({
      fills: [fill(today(1), 'buy', 10, 234.968), fill(today(2), 'sell', 4, 234.8311)],
      dayStart,
      price: 244.9035,
      previousClose: 240,
    })
    expect(result?.change).toBeCloseTo(59.0654, 4)
    // +4.19%, where the 10 bought ($2,349.68) made it +2.51%
    expect(result?.ratio).toBeCloseTo(59.0654 / (6 * 234.968), 6)
  })

  it('says a sale took the shares held overnight first, then today’s buys in fill order', () => {
    // 5 overnight from a 200 close; bought 5 at 210 then 5 at 220; sold 7: 3 of the 210s and
    // the 5 at 220 are left, 3 × 210 + 5 × 220 = 1,730.
    const fills = [
      fill(today(4), 'sell', 7, 215),
      fill(today(3), 'buy', 5, 220),
      fill(before(2), 'buy', 5, 180),
      fill(today(1), 'buy', 5, 210),
    ]
    const result = symbolDayChange({ fills, dayStart, price: 230, previousClose: 200 })
    // 8 × 230 − 5 × 200 − (1,050 + 1,100) + 7 × 215
    expect(result?.change).toBeCloseTo(195)
    expect(result?.ratio).toBeCloseTo(195 / 1_730)
    // sold at the open and bought back: the shares held now entered the day at their price
    const back = symbolDayChange({
      fills: [
        fill(before(2), 'buy', 5, 90),
        fill(today(1), 'sell', 5, 99),
        fill(today(2), 'buy', 5, 102),
      ],
      dayStart,
      price: 104,
      previousClose: 100,
    })
    expect(back?.change).toBeCloseTo(5 * 104 - 500 - 510 + 495)
    expect(back?.ratio).toBeCloseTo((5 * 104 - 500 - 510 + 495) / 510)
  })

  it('has no % once every share is sold, and keeps what the sales made', () => {
    const result = symbolDayChange({
      fills: [fill(before(2), 'buy', 5, 90), fill(today(1), 'sell', 5, 103)],
      dayStart,
      price: 104,
      previousClose: 100,
    })
    expect(result?.change).toBeCloseTo(15)
    expect(result?.ratio).toBeNull()
  })

  it('has no % once fractional buys are sold in full, whatever the float sum leaves', () => {
    // 0.1 + 0.2 is 0.30000000000000004: a lot must end exactly empty, not at a crumb of a share.
    const result = symbolDayChange({
      fills: [
        fill(today(1), 'buy', 0.1, 100),
        fill(today(2), 'buy', 0.2, 100),
        fill(today(3), 'sell', 0.3, 101),
      ],
      dayStart,
      price: 102,
      previousClose: 99,
    })
    expect(result?.change).toBeCloseTo(0.3)
    expect(result?.ratio).toBeNull()
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
