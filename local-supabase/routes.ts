import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { json, type Handler, type StackOptions } from './handler.ts'
import type { StackRoutes } from './server.ts'

// TEMPORARY while auth/rest/realtime are being written in parallel: load each if present,
// else answer 503. Replaced by static imports of the real modules before the stack ships.
async function optional<T>(
  path: string,
  build: (mod: Record<string, unknown>) => T,
  fallback: T,
): Promise<T> {
  try {
    return build((await import(/* @vite-ignore */ path)) as Record<string, unknown>)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return fallback
    throw error
  }
}

const missing =
  (part: string): Handler =>
  async () =>
    json({ message: `${part} is not available yet` }, 503)

export async function buildRoutes(
  options: StackOptions,
): Promise<StackRoutes & { close(): Promise<void> }> {
  const auth = await optional(
    './auth/handler.ts',
    (mod) => (mod.createAuthHandler as (o: StackOptions) => Handler)(options),
    missing('auth'),
  )
  const rest = await optional(
    './rest/handler.ts',
    (mod) => {
      const created = (mod.createRestHandler as (o: StackOptions) => unknown)(options) as
        | (Handler & { reloadSchema?: () => Promise<void> })
        | { handler: Handler; reloadSchema?: () => Promise<void> }
      return typeof created === 'function' ? created : created.handler
    },
    missing('rest'),
  )
  const realtime = await optional(
    './realtime/server.ts',
    (mod) =>
      (
        mod.createRealtime as (o: StackOptions) => {
          handler: Handler
          handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
          installChangeCapture(): Promise<void>
          close(): Promise<void>
        }
      )(options),
    null,
  )
  if (realtime) await realtime.installChangeCapture()
  return {
    auth,
    rest,
    realtime: realtime ?? {
      handler: missing('realtime'),
      handleUpgrade: (_req, socket) => socket.destroy(),
    },
    close: async () => {
      await realtime?.close()
    },
  }
}
