import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { apiKeyRefusal, withoutApiKeyParam } from './api-key.ts'
import { corsHeaders, preflightHeaders } from './cors.ts'
import type { Handler } from './handler.ts'
import { BodyTooLargeError, readBody, sendResponse, toRequest } from './http-adapter.ts'

export interface StackRoutes {
  auth: Handler
  rest: Handler
  realtime: {
    handler: Handler
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  }
}

export interface ServerOptions {
  /** Base for the full URL handlers see when a request has no usable Host header. */
  publicUrl: string
  log?: (line: string) => void
}

const WEBSOCKET_PATH = '/realtime/v1/websocket'

/**
 * The Node HTTP face of the stack: one port, prefixes routed to fetch-style handlers, CORS,
 * preflight, the gateway's API key check, a body limit and a last-resort 500 here, so
 * handlers never deal with them.
 * Routes are looked up per request: the stack listens first (a busy port fails at once,
 * before any database work) and answers 503 until the handlers exist.
 */
export function createStackServer(
  getRoutes: () => StackRoutes | null,
  options: ServerOptions,
): Server {
  const log = options.log ?? (() => {})

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`Unhandled error for ${req.method} ${req.url}: ${(error as Error)?.stack ?? error}`)
      if (!res.headersSent) {
        sendJson(req, res, 500, { code: 'internal_server_error', message: 'Internal server error' })
      } else {
        res.destroy()
      }
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = pathOf(req.url)
    if (req.method === 'OPTIONS') {
      req.resume()
      res.writeHead(204, preflightHeaders(req)).end()
      return
    }
    const routes = getRoutes()
    if (pathname === '/' || pathname === '/health') {
      req.resume()
      if (routes) sendJson(req, res, 200, { status: 'ok', services: ['auth', 'rest', 'realtime'] })
      else sendJson(req, res, 503, { status: 'starting', message: 'The local stack is starting' })
      return
    }
    if (!routes) {
      req.resume()
      sendJson(req, res, 503, { message: 'The local stack is starting' })
      return
    }
    const mounts: [string, Handler][] = [
      ['/auth/v1', routes.auth],
      ['/rest/v1', routes.rest],
      ['/realtime/v1', routes.realtime.handler],
    ]
    const handler = mounts.find(
      ([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`),
    )?.[1]
    if (!handler) {
      req.resume()
      sendJson(req, res, 404, { message: 'no Route matched with those values' })
      return
    }
    const refusal = apiKeyRefusal(req, pathname)
    if (refusal) {
      req.resume()
      sendJson(req, res, 401, refusal)
      return
    }
    let body: Buffer
    try {
      body = await readBody(req)
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error
      refuseBody(req, res, error.message)
      return
    }
    if (handler === routes.rest && req.url) req.url = withoutApiKeyParam(req.url)
    const request = toRequest(req, baseFor(req, options.publicUrl), body)
    const response = await handler(request)
    await sendResponse(res, response, corsHeaders(req), req.method ?? 'GET')
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {})
    if (pathOf(req.url) !== WEBSOCKET_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    const routes = getRoutes()
    if (!routes) {
      socket.end(
        'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
      )
      return
    }
    try {
      routes.realtime.handleUpgrade(req, socket, head)
    } catch (error) {
      log(`WebSocket upgrade failed: ${(error as Error)?.stack ?? error}`)
      socket.destroy()
    }
  })

  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
  })
  return server
}

function pathOf(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0]
  return path.length > 1 ? path.replace(/\/+$/, '') : path
}

function baseFor(req: IncomingMessage, publicUrl: string): string {
  const host = req.headers.host
  if (host && /^[\w.-]+(:\d+)?$|^\[[\d:a-f.]+\](:\d+)?$/i.test(host)) return `http://${host}`
  return publicUrl
}

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...corsHeaders(req) })
  res.end(JSON.stringify(body))
}

/**
 * 413 without buffering the rest: what the client still sends is read and discarded so it
 * can see the answer (closing at once would hit it with EPIPE mid-upload), and a client
 * that keeps streaming is cut off after a few seconds.
 */
function refuseBody(req: IncomingMessage, res: ServerResponse, message: string): void {
  sendJson(req, res, 413, { code: 'request_too_large', message, details: null, hint: null })
  req.resume()
  const timer = setTimeout(() => req.socket.destroy(), 5000)
  timer.unref()
  req.once('end', () => clearTimeout(timer))
  req.once('close', () => clearTimeout(timer))
}
