import { afterEach, describe, expect, it, vi } from 'vitest'
import { onOneTradingDay } from './trading-day'

afterEach(() => vi.useRealTimers())

describe('onOneTradingDay', () => {
  it('waits until just past midnight UTC in the last seconds of a day', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-11-22T23:59:50Z'))
    let done = false
    void onOneTradingDay().then(() => (done = true))
    await vi.advanceTimersByTimeAsync(10_000)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(done).toBe(true)
    expect(new Date().toISOString()).toBe('2026-11-23T00:00:01.000Z')
  })

  it('does not wait at any other time', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-11-22T23:59:40Z'))
    let done = false
    void onOneTradingDay().then(() => (done = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(done).toBe(true)
  })
})
