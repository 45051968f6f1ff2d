import { startCaptureServer } from '@/test/capture-server'
import { startErrorReporting } from './error-reporting'
import { logger } from './logger'

const DSN = 'https://public123@o42.ingest.sentry.io/4500'

describe('error reporting', () => {
  it('sends logged errors to the tunnel as Sentry envelopes for the DSN', async () => {
    const sentry = await startCaptureServer()
    const stop = startErrorReporting({
      dsn: DSN,
      release: '1.2.3',
      environment: 'test',
      tunnel: `${sentry.url}/monitoring`,
    })
    try {
      logger.error('order ticket crashed', { symbol: 'AAPL' })
      // Besides events the SDK sends its own envelopes (sessions): find the event.
      const envelopes = () =>
        sentry.requests.map((request) => ({
          request,
          lines: request.body.split('\n').map((line) => JSON.parse(line)),
        }))
      const eventEnvelope = () => envelopes().find(({ lines }) => lines[1]?.type === 'event')
      await vi.waitFor(() => expect(eventEnvelope()).toBeDefined(), { timeout: 5000 })
      for (const { request } of envelopes()) {
        expect(request).toMatchObject({ method: 'POST', path: '/monitoring' })
      }
      const [header, , event] = eventEnvelope()!.lines
      expect(header.dsn).toBe(DSN)
      expect(event).toMatchObject({
        message: 'order ticket crashed',
        level: 'error',
        release: '1.2.3',
        environment: 'test',
        extra: { symbol: 'AAPL' },
      })
    } finally {
      await stop()
      await sentry.stop()
    }
  })
})
