import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js'
import WebSocket from 'ws'
import { ANON_KEY, JWT_SECRET } from '../config.ts'
import { prepareDatabase } from '../db/migrate.ts'
import { openDb } from '../db/open.ts'
import type { Db } from '../db/types.ts'
import { signJwt } from '../jwt.ts'
import { createScratchDatabase } from '../pg-cluster.ts'
import { withTempDir } from '../test-temp-dir.ts'
import { createRealtime, type Realtime, type RealtimeTuning } from './server.ts'

export interface RealtimeTestServer {
  url: string
  db: Db
  realtime: Realtime
  /** A supabase-js client whose Realtime runs as `token` (default: the anon key). */
  client(options?: { token?: string; vsn?: '1.0.0' | '2.0.0' }): SupabaseClient
  stop(): Promise<void>
}

/**
 * The realtime module alone behind a real HTTP server on an ephemeral port, over a fresh
 * bootstrapped database (in-memory PGlite, or a scratch database in DATABASE_URL's cluster).
 */
export async function startRealtimeTestServer(
  schemaSql = '',
  tuning: RealtimeTuning = {},
): Promise<RealtimeTestServer> {
  const scratch = process.env.DATABASE_URL
    ? await createScratchDatabase(process.env.DATABASE_URL)
    : null
  const db = scratch ? await openDb({ databaseUrl: scratch.url }) : await openDb({ dataDir: null })
  // The empty migrations dir is only read here; benchmarks call this outside vitest too.
  await withTempDir('no-migrations-', (migrationsDir) =>
    prepareDatabase(db, { migrationsDir, seedFile: join(tmpdir(), 'no-seed.sql') }),
  )
  if (schemaSql) await db.exec(schemaSql)

  let url = ''
  const realtime = createRealtime(
    {
      db,
      jwtSecret: JWT_SECRET,
      publicUrl: 'http://127.0.0.1',
      allowedRedirectOrigins: [],
      siteUrl: 'http://127.0.0.1:5173',
    },
    { log: () => {}, ...tuning },
  )
  await realtime.installChangeCapture()
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const request = new Request(new URL(req.url ?? '/', url), {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body:
        req.method === 'GET' || req.method === 'HEAD'
          ? undefined
          : new Uint8Array(Buffer.concat(chunks)),
    })
    const response = await realtime.handler(request)
    const headers: Record<string, string> = {}
    response.headers.forEach((value, key) => (headers[key] = value))
    res.writeHead(response.status, headers)
    res.end(Buffer.from(await response.arrayBuffer()))
  })
  server.on('upgrade', (req, socket, head) => realtime.handleUpgrade(req, socket, head))
  const port = await listen(server)
  url = `http://127.0.0.1:${port}`
  const clients: SupabaseClient[] = []

  return {
    url,
    db,
    realtime,
    client(options = {}) {
      const client = createClient(url, ANON_KEY, {
        auth: { persistSession: false, autoRefreshToken: false },
        ...(options.token ? { accessToken: async () => options.token ?? null } : {}),
        realtime: {
          transport: WebSocket as never,
          ...(options.vsn ? { vsn: options.vsn } : {}),
        },
      })
      // supabase-js hands the token to Realtime a few microtasks after construction; a
      // channel subscribed in the same tick would join with the apikey (as on hosted).
      if (options.token) void client.realtime.setAuth(options.token)
      clients.push(client)
      return client
    },
    async stop() {
      await Promise.all(clients.map((c) => c.removeAllChannels()))
      await realtime.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await db.close()
      await scratch?.drop()
    },
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : 0)
    })
  })
}

export function userToken(sub: string, expiresInSeconds = 3600): Promise<string> {
  const now = Math.floor(Date.now() / 1000)
  return signJwt(
    { sub, role: 'authenticated', aud: 'authenticated', iat: now, exp: now + expiresInSeconds },
    JWT_SECRET,
  )
}

/** Subscribes and settles on the first terminal status (SUBSCRIBED or an error). */
export function subscribe(channel: RealtimeChannel): Promise<{ status: string; error?: Error }> {
  return new Promise((resolve) => {
    channel.subscribe((status, error) => resolve({ status, error }))
  })
}

export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for condition')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A raw `ws` client speaking Phoenix frames, for what supabase-js never sends. */
export async function rawSocket(url: string, query = `apikey=${ANON_KEY}&vsn=2.0.0`) {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/realtime/v1/websocket?${query}`)
  const frames: Array<string | Buffer> = []
  ws.on('message', (data, isBinary) => {
    frames.push(isBinary ? (data as Buffer) : (data as Buffer).toString('utf8'))
  })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
  return {
    ws,
    frames,
    closed,
    send(frame: unknown) {
      ws.send(typeof frame === 'string' || Buffer.isBuffer(frame) ? frame : JSON.stringify(frame))
    },
    /** The parsed text frames so far. */
    messages(): unknown[][] {
      return frames.filter((f): f is string => typeof f === 'string').map((f) => JSON.parse(f))
    },
  }
}
