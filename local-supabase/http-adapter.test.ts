import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { sendResponse } from './http-adapter.ts'

describe('sendResponse', () => {
  const servers: Array<ReturnType<typeof createServer>> = []
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })

  it('leaves no listeners behind after each back-pressure wait of a long stream', async () => {
    const chunk = new Uint8Array(256 * 1024).fill(120)
    const chunks = 40
    const closeListeners: number[] = []
    const drainListeners: number[] = []
    let sent = 0
    const server = createServer((req, res: ServerResponse) => {
      // Every chunk is past the socket's high-water mark, so each write waits for 'drain'.
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          closeListeners.push(res.listenerCount('close'))
          drainListeners.push(res.listenerCount('drain'))
          if (sent++ === chunks) controller.close()
          else controller.enqueue(chunk)
        },
      })
      void sendResponse(res, new Response(body), {}, req.method ?? 'GET')
    })
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const received = await (await fetch(`http://127.0.0.1:${port}/`)).arrayBuffer()

    expect(received.byteLength).toBe(chunk.length * chunks)
    // At most the one wait in progress; 'close' used to grow by one per wait.
    expect(Math.max(...closeListeners)).toBeLessThanOrEqual(1)
    expect(Math.max(...drainListeners)).toBeLessThanOrEqual(1)
  })
})
