import { CLOCK_SKEW_MS, createAlertTracker } from './alert-notices'

const start = Date.parse('2026-11-22T12:00:00Z')
const at = (offsetMs: number) => new Date(start + offsetMs).toISOString()

describe('createAlertTracker', () => {
  it('claims an alert that fired after the subscription started once', () => {
    const tracker = createAlertTracker(start)
    expect(tracker.claim('AAPL', at(1_000))).toBe(true)
    // The same row updated again (e.g. its note) carries the same alert time.
    expect(tracker.claim('AAPL', at(1_000))).toBe(false)
  })

  it('ignores alerts that fired before the subscription, beyond the clock allowance', () => {
    const tracker = createAlertTracker(start)
    expect(tracker.claim('AAPL', at(-CLOCK_SKEW_MS - 1))).toBe(false)
    expect(tracker.claim('MSFT', at(-CLOCK_SKEW_MS + 1_000))).toBe(true)
  })

  it('claims a later alert for the same symbol, and tracks symbols separately', () => {
    const tracker = createAlertTracker(start)
    expect(tracker.claim('AAPL', at(1_000))).toBe(true)
    expect(tracker.claim('MSFT', at(1_000))).toBe(true)
    expect(tracker.claim('AAPL', at(500))).toBe(false)
    expect(tracker.claim('AAPL', at(60_000))).toBe(true)
  })

  it('ignores rows without an alert or with an unreadable time', () => {
    const tracker = createAlertTracker(start)
    expect(tracker.claim('AAPL', null)).toBe(false)
    expect(tracker.claim('AAPL', undefined)).toBe(false)
    expect(tracker.claim('AAPL', 'not a date')).toBe(false)
  })
})
