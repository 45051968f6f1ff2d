import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { Handler, StackOptions } from '../handler.ts'
import { authenticate } from './auth.ts'
import { createCatalog } from './catalog.ts'
import { installChangeCapture } from './change-capture.ts'
import { Connection, expiredMessage } from './connection.ts'
import { relayDbMessages } from './db-messages.ts'
import { createHttpApi } from './http-api.ts'
import { Hub } from './hub.ts'
import { startJanitor } from './janitor.ts'
import { relayChanges } from './postgres-changes.ts'
import { PresenceTracker } from './presence.ts'
import type { Vsn } from './protocol.ts'

export interface Realtime {
  /** For `GET /realtime/v1/websocket` upgrades (`?apikey=...&vsn=1.0.0|2.0.0`). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** HTTP under `/realtime/v1/api` (broadcast). */
  handler: Handler
  /** After migrations: capture changes of every table in publication `supabase_realtime`. */
  installChangeCapture(): Promise<void>
  close(): Promise<void>
}

export interface RealtimeTuning {
  /** Sockets silent this long are closed (realtime-js heartbeats every 25 s). */
  idleTimeoutMs?: number
  /** Largest accepted WebSocket frame. */
  maxFrameBytes?: number
  log?: (line: string) => void
}

const VERSIONS = new Set<string>(['1.0.0', '2.0.0'])

export function createRealtime(opts: StackOptions, tuning: RealtimeTuning = {}): Realtime {
  const idleTimeoutMs = tuning.idleTimeoutMs ?? 60_000
  const log = tuning.log ?? ((line: string) => console.warn(line))
  const hub = new Hub()
  const presence = new PresenceTracker(hub)
  const catalog = createCatalog(opts.db)
  const connections = new Set<Connection>()
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: tuning.maxFrameBytes ?? 1024 * 1024,
    perMessageDeflate: false,
  })
  const context = { db: opts.db, hub, presence, catalog, jwtSecret: opts.jwtSecret, log }

  const unlistens: Array<Promise<() => Promise<void>>> = []
  const track = (listening: Promise<() => Promise<void>>) => {
    // Handled here so a failed LISTEN is reported, not an unhandled rejection; close() and
    // installChangeCapture() still await it.
    listening.catch((error: Error) => log(`realtime: LISTEN failed: ${error.message}`))
    unlistens.push(listening)
    return listening
  }
  track(relayDbMessages(opts.db, hub, log))
  let changesListening: Promise<unknown> | null = null
  const janitor = startJanitor(opts.db, log)

  const sweeper = setInterval(
    () => {
      const cutoff = Date.now() - idleTimeoutMs
      for (const connection of connections) {
        if (connection.lastSeen < cutoff) connection.close(1000, 'heartbeat timeout')
      }
    },
    Math.min(10_000, idleTimeoutMs / 2),
  )
  sweeper.unref()

  function reject(socket: Duplex, status: number, message: string): void {
    const body = JSON.stringify({ message })
    const reason = status === 400 ? 'Bad Request' : status === 401 ? 'Unauthorized' : 'Forbidden'
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const vsn = url.searchParams.get('vsn') ?? '1.0.0'
    if (!VERSIONS.has(vsn)) return reject(socket, 400, `Unsupported vsn ${vsn}`)
    const header = req.headers.apikey
    const apikey = url.searchParams.get('apikey') ?? (typeof header === 'string' ? header : null)
    if (!apikey) return reject(socket, 401, 'No apikey provided')
    const verified = await authenticate(apikey, opts.jwtSecret)
    if (!verified.ok) return reject(socket, 403, verified.message)
    if (socket.destroyed) return
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = new Connection(ws, vsn as Vsn, verified.auth, context)
      connections.add(connection)
      ws.on('close', () => connections.delete(connection))
    })
  }

  return {
    handleUpgrade(req, socket, head) {
      socket.on('error', () => {})
      upgrade(req, socket, head).catch((error) => {
        log(`realtime: upgrade failed: ${(error as Error).message}`)
        socket.destroy()
      })
    },
    handler: createHttpApi(hub, opts.jwtSecret, opts.db),
    async installChangeCapture() {
      await installChangeCapture(opts.db)
      catalog.clear()
      // Concurrent calls share one LISTEN; a failed one is forgotten (track logs it) so the
      // next call retries instead of leaving postgres_changes silent until a restart.
      changesListening ??= track(
        relayChanges(opts.db, hub, catalog, (c) => c.peer.shutdown(c, expiredMessage(c)), log),
      ).catch((error: unknown) => {
        changesListening = null
        throw error
      })
      await changesListening
    },
    async close() {
      clearInterval(sweeper)
      janitor.stop()
      for (const connection of connections) connection.close(1001, 'server shutting down')
      connections.clear()
      // ws waits for every closing handshake; a peer that never answers is cut off.
      const stragglers = setTimeout(() => {
        for (const ws of wss.clients) ws.terminate()
      }, 1000)
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      clearTimeout(stragglers)
      for (const pending of unlistens) {
        try {
          await (
            await pending
          )()
        } catch {
          // the database may already be closed; nothing left to unlisten
        }
      }
    },
  }
}
