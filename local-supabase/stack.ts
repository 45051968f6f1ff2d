import type { Server } from 'node:http'
import { startMarketClock } from './clock.ts'
import { JWT_SECRET } from './config.ts'
import { prepareDatabase } from './db/migrate.ts'
import { openDb } from './db/open.ts'
import type { Db } from './db/types.ts'
import type { StackOptions } from './handler.ts'
import { createStackServer, type StackRoutes } from './server.ts'
import { buildRoutes } from './routes.ts'

/** The origins `npm run dev` and `npm run preview` serve the app from. */
const VITE_ORIGINS = [
  'http://127.0.0.1:5173',
  'http://localhost:5173',
  'http://127.0.0.1:4173',
  'http://localhost:4173',
]

export interface StartStackOptions {
  /** 0 picks a free port. */
  port: number
  host?: string
  /** A real PostgreSQL instead of PGlite. */
  databaseUrl?: string
  /** PGlite data directory (default .local-supabase/data); null = in memory. */
  dataDir?: string | null
  reset?: boolean
  /** An already opened database to serve instead of opening one (closed on stop). */
  db?: Db
  /** Market clock period; 0 turns it off. */
  tickMs: number
  siteUrl: string
  /** More origins auth may redirect to (ADDITIONAL_REDIRECT_URLS). */
  additionalRedirectUrls?: string[]
  migrationsDir?: string
  seedFile?: string
  log?: (line: string) => void
}

export interface RunningStack {
  url: string
  port: number
  db: Db
  stop(): Promise<void>
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `Port ${port} is already in use — is another local stack running? Set LOCAL_SUPABASE_PORT to use another port.`,
    )
    this.name = 'PortInUseError'
  }
}

/**
 * Listens first (so a busy port fails before any database work), then opens and migrates
 * the database, builds the auth, REST and realtime handlers over it, installs realtime's
 * change capture on what the migrations created and starts the market clock.
 */
export async function startStack(options: StartStackOptions): Promise<RunningStack> {
  const host = options.host ?? '127.0.0.1'
  const log = options.log ?? (() => {})
  let routes: (StackRoutes & { close(): Promise<void> }) | null = null
  const server = createStackServer(() => routes, { publicUrl: `http://${host}`, log })
  const port = await listen(server, options.port, host)
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`

  let db: Db | undefined
  try {
    db = options.db ?? (await openDb(options))
    await prepareDatabase(db, {
      migrationsDir: options.migrationsDir,
      seedFile: options.seedFile,
      log,
    })
    const stackOptions: StackOptions = {
      db,
      jwtSecret: JWT_SECRET,
      publicUrl: url,
      allowedRedirectOrigins: redirectOrigins(options.siteUrl, options.additionalRedirectUrls),
      siteUrl: options.siteUrl,
    }
    routes = await buildRoutes(stackOptions, log)
  } catch (error) {
    await closeServer(server)
    await db?.close()
    throw error
  }
  const clock = startMarketClock(db, { tickMs: options.tickMs, log })
  const openDbRef = db
  const activeRoutes = routes

  let stopping: Promise<void> | undefined
  return {
    url,
    port,
    db: openDbRef,
    stop() {
      stopping ??= (async () => {
        await clock.stop()
        await activeRoutes.close()
        await closeServer(server)
        await openDbRef.close()
      })()
      return stopping
    },
  }
}

export function redirectOrigins(siteUrl: string, additional: string[] = []): string[] {
  const origins = new Set(VITE_ORIGINS)
  for (const entry of [siteUrl, ...additional]) {
    const trimmed = entry.trim()
    if (!trimmed) continue
    try {
      origins.add(new URL(trimmed).origin)
    } catch {
      // Not a URL (a stray comma in ADDITIONAL_REDIRECT_URLS): nothing to allow.
    }
  }
  return [...origins]
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error)
    }
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    })
  })
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve()
    server.close(() => resolve())
    server.closeAllConnections()
  })
}
