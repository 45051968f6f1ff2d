import { request as httpRequest, type Server } from 'node:http'
import { createServer as createNetServer, type AddressInfo } from 'node:net'
import { json, type Handler } from './handler.ts'
import { createStackServer, type StackRoutes } from './server.ts'
import { PortInUseError, redirectOrigins, startStack } from './stack.ts'

/** Echoes what a handler receives, so the tests see exactly what the server hands over. */
const echo: Handler = async (request) =>
  json(
    {
      method: request.method,
      url: request.url,
      apikey: request.headers.get('apikey'),
      body: request.method === 'GET' ? null : await request.text(),
    },
    200,
    { 'content-range': '0-0/1' },
  )

let calls = 0
const routes: StackRoutes = {
  auth: async (request) => {
    calls += 1
    if (new URL(request.url).pathname === '/auth/v1/boom') throw new Error('handler exploded')
    return echo(request)
  },
  rest: echo,
  realtime: { handler: echo, handleUpgrade: (_req, socket) => socket.destroy() },
}

let server: Server
let base: string
let ready = true

beforeAll(async () => {
  server = createStackServer(() => (ready ? routes : null), { publicUrl: 'http://127.0.0.1' })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

describe('local stack HTTP server', () => {
  it('answers CORS preflight with 204 and the headers supabase-js needs', async () => {
    const res = await fetch(`${base}/rest/v1/stocks`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'apikey, authorization, x-some-new-header',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH')
    const allowed = res.headers.get('access-control-allow-headers')?.split(', ')
    expect(allowed).toEqual(
      expect.arrayContaining([
        'apikey',
        'authorization',
        'x-client-info',
        'content-type',
        'accept-profile',
        'content-profile',
        'prefer',
        'x-retry-count',
        'x-supabase-api-version',
        'x-some-new-header',
      ]),
    )
  })

  it('adds CORS headers to responses, reflecting the origin or using *', async () => {
    const withOrigin = await fetch(`${base}/rest/v1/stocks`, {
      headers: { origin: 'http://127.0.0.1:4173' },
    })
    expect(withOrigin.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173')
    expect(withOrigin.headers.get('access-control-expose-headers')).toBe(
      'Content-Range, X-Supabase-Api-Version, Content-Location, Location',
    )
    const without = await fetch(`${base}/rest/v1/stocks`)
    expect(without.headers.get('access-control-allow-origin')).toBe('*')
    expect(without.headers.get('content-range')).toBe('0-0/1')
  })

  it('hands handlers the full URL, method, headers and body', async () => {
    const res = await fetch(`${base}/rest/v1/stocks?select=symbol&symbol=eq.AAPL`, {
      method: 'POST',
      headers: { apikey: 'k', 'content-type': 'application/json' },
      body: '{"a":1}',
    })
    expect(await res.json()).toEqual({
      method: 'POST',
      url: `${base}/rest/v1/stocks?select=symbol&symbol=eq.AAPL`,
      apikey: 'k',
      body: '{"a":1}',
    })
  })

  it('refuses bodies over 1 MiB with 413 JSON without calling the handler', async () => {
    const before = calls
    const res = await fetch(`${base}/auth/v1/signup`, {
      method: 'POST',
      body: 'x'.repeat(1024 * 1024 + 1),
    })
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ code: 'request_too_large' })
    expect(calls).toBe(before)
  })

  it('refuses an oversized chunked body as soon as it passes the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${base}/auth/v1/signup`, { method: 'POST' }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
        req.destroy()
      })
      req.on('error', reject)
      const chunk = Buffer.alloc(256 * 1024, 120)
      // Keep streaming (no Content-Length) until the server answers.
      const pump = () => {
        if (!req.destroyed && !req.writableEnded) req.write(chunk, () => setImmediate(pump))
      }
      pump()
    })
    expect(status).toBe(413)
  })

  it('answers unknown routes with 404 JSON', async () => {
    const res = await fetch(`${base}/storage/v1/object`)
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ message: 'no Route matched with those values' })
    expect((await fetch(`${base}/rest/v1x`)).status).toBe(404)
  })

  it('turns a thrown error into 500 JSON and keeps serving', async () => {
    const res = await fetch(`${base}/auth/v1/boom`, {
      headers: { origin: 'http://localhost:5173' },
    })
    expect(res.status).toBe(500)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(await res.json()).toMatchObject({ code: 'internal_server_error' })
    expect((await fetch(`${base}/auth/v1/ok`)).status).toBe(200)
  })

  it('reports health, and 503 until the handlers exist', async () => {
    const ok = await fetch(`${base}/health`)
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ status: 'ok' })
    expect((await fetch(`${base}/`)).status).toBe(200)
    ready = false
    try {
      expect((await fetch(`${base}/health`)).status).toBe(503)
      expect((await fetch(`${base}/rest/v1/stocks`)).status).toBe(503)
    } finally {
      ready = true
    }
  })

  it('refuses WebSocket upgrades outside /realtime/v1/websocket', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${base}/rest/v1/stocks`, {
        headers: { connection: 'Upgrade', upgrade: 'websocket' },
      })
      req.on('response', (res) => resolve(res.statusCode ?? 0))
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(404)
  })
})

describe('startStack', () => {
  it('fails with one clear line when the port is taken, before opening a database', async () => {
    const blocker = createNetServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as AddressInfo).port
    try {
      const error = await startStack({ port, dataDir: null, tickMs: 0, siteUrl: '' }).catch(
        (e) => e,
      )
      expect(error).toBeInstanceOf(PortInUseError)
      expect(error.message).toBe(
        `Port ${port} is already in use — is another local stack running? Set LOCAL_SUPABASE_PORT to use another port.`,
      )
    } finally {
      blocker.close()
    }
  })

  it('allows redirects to the Vite origins, SITE_URL and ADDITIONAL_REDIRECT_URLS origins', () => {
    expect(
      redirectOrigins('https://stocktrade.example/app', [
        'http://10.0.0.5:5173/auth/callback',
        ' ',
        'not a url',
      ]),
    ).toEqual([
      'http://127.0.0.1:5173',
      'http://localhost:5173',
      'http://127.0.0.1:4173',
      'http://localhost:4173',
      'https://stocktrade.example',
      'http://10.0.0.5:5173',
    ])
  })
})
