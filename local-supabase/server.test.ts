import { request as httpRequest, type Server } from 'node:http'
import { createServer as createNetServer, type AddressInfo } from 'node:net'
import { ANON_KEY, SERVICE_ROLE_KEY } from './config.ts'
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
      headers: { origin: 'http://127.0.0.1:4173', apikey: ANON_KEY },
    })
    expect(withOrigin.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173')
    expect(withOrigin.headers.get('access-control-expose-headers')).toBe(
      'Content-Range, X-Supabase-Api-Version, Content-Location, Location',
    )
    const without = await fetch(`${base}/rest/v1/stocks`, { headers: { apikey: ANON_KEY } })
    expect(without.headers.get('access-control-allow-origin')).toBe('*')
    expect(without.headers.get('content-range')).toBe('0-0/1')
  })

  it('hands handlers the full URL, method, headers and body', async () => {
    const res = await fetch(`${base}/rest/v1/stocks?select=symbol&symbol=eq.AAPL`, {
      method: 'POST',
      headers: { apikey: ANON_KEY, 'content-type': 'application/json' },
      body: '{"a":1}',
    })
    expect(await res.json()).toEqual({
      method: 'POST',
      url: `${base}/rest/v1/stocks?select=symbol&symbol=eq.AAPL`,
      apikey: ANON_KEY,
      body: '{"a":1}',
    })
  })

  it('refuses bodies over 1 MiB with 413 JSON without calling the handler', async () => {
    const before = calls
    const res = await fetch(`${base}/auth/v1/signup`, {
      method: 'POST',
      headers: { apikey: ANON_KEY },
      body: 'x'.repeat(1024 * 1024 + 1),
    })
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ code: 'request_too_large' })
    expect(calls).toBe(before)
  })

  it('refuses an oversized chunked body as soon as it passes the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const options = { method: 'POST', headers: { apikey: ANON_KEY } }
      const req = httpRequest(`${base}/auth/v1/signup`, options, (res) => {
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
      headers: { origin: 'http://localhost:5173', apikey: ANON_KEY },
    })
    expect(res.status).toBe(500)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(await res.json()).toMatchObject({ code: 'internal_server_error' })
    expect((await fetch(`${base}/auth/v1/ok`, { headers: { apikey: ANON_KEY } })).status).toBe(200)
  })

  it('refuses /rest/v1 and /auth/v1 requests without an API key with 401, as the gateway does', async () => {
    const before = calls
    for (const url of [`${base}/rest/v1/stocks`, `${base}/auth/v1/user`]) {
      const res = await fetch(url, { headers: { origin: 'http://localhost:5173', apikey: '' } })
      expect(res.status).toBe(401)
      expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
      expect(await res.json()).toEqual({
        message: 'No API key found in request',
        hint: 'No `apikey` request header or url param was found.',
      })
    }
    const signup = await fetch(`${base}/auth/v1/signup`, { method: 'POST', body: '{}' })
    expect(signup.status).toBe(401)
    expect(calls).toBe(before)
  })

  it('refuses a key that is neither the anon nor the service-role key with 401', async () => {
    const forged = `${ANON_KEY.slice(0, -2)}xx`
    for (const init of [
      { headers: { apikey: forged } },
      { headers: { apikey: `Bearer ${ANON_KEY}` } },
      // A header key is checked first: a good one in the query string does not rescue it.
      { headers: { apikey: forged }, query: `?apikey=${ANON_KEY}` },
    ]) {
      const res = await fetch(`${base}/rest/v1/stocks${init.query ?? ''}`, init)
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual({
        message: 'Invalid API key',
        hint: 'Double check your Supabase `anon` or `service_role` API key.',
      })
    }
    expect((await fetch(`${base}/auth/v1/user?apikey=nope`)).status).toBe(401)
  })

  it('accepts the anon or service-role key as header or ?apikey= parameter', async () => {
    for (const key of [ANON_KEY, SERVICE_ROLE_KEY]) {
      expect((await fetch(`${base}/rest/v1/stocks`, { headers: { apikey: key } })).status).toBe(200)
      expect((await fetch(`${base}/auth/v1/settings?apikey=${key}`)).status).toBe(200)
    }
  })

  it('hides a ?apikey= parameter from REST, keeping the other parameters as they were sent', async () => {
    const query = 'select=symbol,price_candles(count)&symbol=in.(%22A%22,B)&name=like.a+b'
    const res = await fetch(`${base}/rest/v1/stocks?apikey=${ANON_KEY}&${query}&apikey=${ANON_KEY}`)
    expect(res.status).toBe(200)
    const sent = new URL((await res.json()).url)
    expect(sent.pathname + sent.search).toBe(`/rest/v1/stocks?${query}`)
    const only = await fetch(`${base}/rest/v1/rpc/get_leaderboard?apikey=${ANON_KEY}`)
    expect(new URL((await only.json()).url).search).toBe('')
  })

  it('exempts browser-facing auth pages, preflight, health and realtime from the key check', async () => {
    for (const path of ['authorize', 'callback', 'verify', 'picker']) {
      expect((await fetch(`${base}/auth/v1/${path}?state=x`)).status).toBe(200)
    }
    const formPost = await fetch(`${base}/auth/v1/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'state=x',
    })
    expect(formPost.status).toBe(200)
    const preflight = await fetch(`${base}/auth/v1/token`, { method: 'OPTIONS' })
    expect(preflight.status).toBe(204)
    expect((await fetch(`${base}/health`)).status).toBe(200)
    // Realtime checks its own key (realtime/http-api.ts), as on hosted.
    expect((await fetch(`${base}/realtime/v1/api/broadcast`)).status).toBe(200)
    // Only the exact pages: what lies under them still needs a key.
    expect((await fetch(`${base}/auth/v1/authorize/x`)).status).toBe(401)
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
