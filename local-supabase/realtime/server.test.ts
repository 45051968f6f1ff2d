import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JWT_SECRET } from '../config.ts'
import type { Db } from '../db/types.ts'
import { CHANGES_CHANNEL } from './change-capture.ts'
import { createRealtime } from './server.ts'
import { startRealtimeTestServer, type RealtimeTestServer } from './test-support.ts'

let server: RealtimeTestServer
beforeAll(async () => {
  server = await startRealtimeTestServer()
})
afterAll(() => server.stop())

describe('installChangeCapture', () => {
  it('retries the LISTEN for postgres_changes after one failed', async () => {
    const db = server.db
    let changeListens = 0
    // The same database, with the first LISTEN on the changes channel failing.
    const flaky = new Proxy(db, {
      get(target, key) {
        if (key !== 'listen') {
          const value = Reflect.get(target, key) as unknown
          return typeof value === 'function' ? value.bind(target) : value
        }
        return (channel: string, onPayload: (payload: string) => void) => {
          if (channel === CHANGES_CHANNEL && changeListens++ === 0) {
            return Promise.reject(new Error('connection reset'))
          }
          return target.listen(channel, onPayload)
        }
      },
    }) satisfies Db
    const lines: string[] = []
    const realtime = createRealtime(
      {
        db: flaky,
        jwtSecret: JWT_SECRET,
        publicUrl: 'http://127.0.0.1',
        allowedRedirectOrigins: [],
        siteUrl: 'http://127.0.0.1:5173',
      },
      { log: (line) => lines.push(line) },
    )
    try {
      await expect(realtime.installChangeCapture()).rejects.toThrow('connection reset')
      expect(lines).toContain('realtime: LISTEN failed: connection reset')
      await realtime.installChangeCapture()
      expect(changeListens).toBe(2)
      // Once listening, later calls (after each migration run) do not LISTEN again.
      await realtime.installChangeCapture()
      expect(changeListens).toBe(2)
    } finally {
      await realtime.close()
    }
  })
})
