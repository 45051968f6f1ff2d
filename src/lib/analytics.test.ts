import { startCaptureServer } from '@/test/capture-server'
import { startAnalytics } from './analytics'

// jsdom has no ResizeObserver; the tracker watches the page size for its engagement events.
beforeAll(() => {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  )
})
afterAll(() => {
  vi.unstubAllGlobals()
})

describe('analytics', () => {
  it('counts page views, client-side navigations too, without query strings', async () => {
    const plausible = await startCaptureServer()
    window.history.replaceState(null, '', '/auth/callback?code=one-time-secret#x')
    try {
      startAnalytics('stocktrade.example', {
        endpoint: `${plausible.url}/api/event`,
        captureOnLocalhost: true,
      })
      // Plausible also sends engagement events (time on the page left): count page views.
      const events = () => plausible.requests.map((request) => JSON.parse(request.body))
      const pageviews = () => events().filter((event) => event.n === 'pageview')
      await vi.waitFor(() => expect(pageviews()).toHaveLength(1), { timeout: 5000 })
      window.history.pushState(null, '', '/portfolio?tab=orders')
      await vi.waitFor(() => expect(pageviews()).toHaveLength(2), { timeout: 5000 })

      expect(new Set(plausible.requests.map((request) => request.path))).toEqual(
        new Set(['/api/event']),
      )
      expect(pageviews()).toEqual([
        expect.objectContaining({ d: 'stocktrade.example', u: `${location.origin}/auth/callback` }),
        expect.objectContaining({ d: 'stocktrade.example', u: `${location.origin}/portfolio` }),
      ])
      expect(JSON.stringify(events())).not.toContain('one-time-secret')
    } finally {
      await plausible.stop()
    }
  })
})
