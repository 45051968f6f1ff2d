import { createAuthHandler } from './auth/handler.ts'
import { json, type Handler, type StackOptions } from './handler.ts'
import { createRealtime } from './realtime/server.ts'
import type { StackRoutes } from './server.ts'

// TEMPORARY while the REST handler is being written in parallel: load it if present, else
// answer 503. Replaced by a static import of the real module before the stack ships.
async function restHandler(options: StackOptions): Promise<Handler> {
  const path = './rest/handler.ts'
  try {
    const mod = (await import(/* @vite-ignore */ path)) as Record<string, unknown>
    const created = (mod.createRestHandler as (o: StackOptions) => unknown)(options) as
      Handler | { handler: Handler }
    return typeof created === 'function' ? created : created.handler
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error
    return async () => json({ message: 'rest is not available yet' }, 503)
  }
}

/** The three services over one database; realtime starts capturing changes here. */
export async function buildRoutes(
  options: StackOptions,
  log: (line: string) => void,
): Promise<StackRoutes & { close(): Promise<void> }> {
  const realtime = createRealtime(options, { log })
  try {
    await realtime.installChangeCapture()
    return {
      auth: createAuthHandler(options),
      rest: await restHandler(options),
      realtime,
      close: () => realtime.close(),
    }
  } catch (error) {
    await realtime.close()
    throw error
  }
}
