import { alertHeadline, alertSummary, createAlertTracker } from './alert-notices'

const start = Date.parse('2026-11-22T12:00:00Z')
const since = new Date(start).toISOString()
const at = (offsetMs: number) => new Date(start + offsetMs).toISOString()

describe('createAlertTracker', () => {
  it('claims an alert that fired after the starting server time once', () => {
    const tracker = createAlertTracker(since)
    expect(tracker.claim('AAPL', at(1_000))).toBe(true)
    // The same row updated again (e.g. re-saved) carries the same alert time.
    expect(tracker.claim('AAPL', at(1_000))).toBe(false)
  })

  it('ignores alerts that fired at or before the starting server time', () => {
    const tracker = createAlertTracker(since)
    expect(tracker.claim('AAPL', at(-1))).toBe(false)
    expect(tracker.claim('AAPL', at(0))).toBe(false)
    // Server timestamps carry microseconds and an offset; they compare as instants.
    expect(tracker.claim('MSFT', '2026-11-22T12:00:00.001234+00:00')).toBe(true)
  })

  it('claims a later alert for the same symbol, and tracks symbols separately', () => {
    const tracker = createAlertTracker(since)
    expect(tracker.claim('AAPL', at(1_000))).toBe(true)
    expect(tracker.claim('MSFT', at(1_000))).toBe(true)
    expect(tracker.claim('AAPL', at(500))).toBe(false)
    expect(tracker.claim('AAPL', at(60_000))).toBe(true)
  })

  it('ignores rows without an alert or with an unreadable time', () => {
    const tracker = createAlertTracker(since)
    expect(tracker.claim('AAPL', null)).toBe(false)
    expect(tracker.claim('AAPL', undefined)).toBe(false)
    expect(tracker.claim('AAPL', 'not a date')).toBe(false)
  })
})

describe('alertHeadline and alertSummary', () => {
  const fired = {
    symbol: 'MSFT',
    direction: 'above' as const,
    price: 425,
    threshold: 420,
  }

  it('name the target the price crossed and where it went', () => {
    expect(alertHeadline(fired)).toBe('MSFT rose above your $420.00 target')
    expect(alertSummary(fired)).toBe('MSFT rose above your $420.00 target, to $425.00')
    const down = { ...fired, direction: 'below' as const, price: 379.5, threshold: 380 }
    expect(alertSummary(down)).toBe('MSFT fell below your $380.00 target, to $379.50')
  })

  it('show the target with the decimals it was set with, cents at least', () => {
    const precise = { ...fired, price: 12.36, threshold: 12.3456 }
    expect(alertHeadline(precise)).toBe('MSFT rose above your $12.3456 target')
    expect(alertSummary(precise)).toBe('MSFT rose above your $12.3456 target, to $12.36')
    expect(alertHeadline({ ...fired, threshold: 12.345 })).toBe(
      'MSFT rose above your $12.345 target',
    )
  })

  it('say what they can of an alert recorded before targets were kept', () => {
    const old = { ...fired, threshold: null }
    expect(alertHeadline(old)).toBe('MSFT rose above your target')
    expect(alertSummary(old)).toBe('MSFT rose to $425.00')
  })
})
