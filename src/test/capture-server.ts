import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface CapturedRequest {
  method: string
  path: string
  body: string
}

/**
 * A local HTTP server that records every request it gets (answering 200 with CORS allowed), for
 * tests of code that sends data to a third party: point the code at `url` and read `requests`.
 */
export async function startCaptureServer() {
  const requests: CapturedRequest[] = []
  const server = createServer((req: IncomingMessage, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      if (req.method !== 'OPTIONS') {
        requests.push({ method: req.method ?? '', path: req.url ?? '', body })
      }
      res.writeHead(200, {
        'access-control-allow-origin': '*',
        'access-control-allow-headers': '*',
        'content-type': 'text/plain',
      })
      res.end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
