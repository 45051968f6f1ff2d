import { createAuthHandler } from './auth/handler.ts'
import type { StackOptions } from './handler.ts'
import { createRealtime } from './realtime/server.ts'
import { createRestHandler } from './rest/handler.ts'
import type { StackRoutes } from './server.ts'

/**
 * The three services over one migrated database. REST reads the schema the migrations
 * left and realtime starts capturing changes of the published tables before any request.
 */
export async function buildRoutes(
  options: StackOptions,
  log: (line: string) => void,
): Promise<StackRoutes & { close(): Promise<void> }> {
  const realtime = createRealtime(options, { log })
  try {
    await realtime.installChangeCapture()
    const rest = createRestHandler(options)
    await rest.reloadSchema()
    return {
      auth: createAuthHandler(options),
      rest: rest.handler,
      realtime,
      close: () => realtime.close(),
    }
  } catch (error) {
    await realtime.close()
    throw error
  }
}
