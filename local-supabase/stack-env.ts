import { DEFAULT_DATA_DIR, DEFAULT_PORT } from './config.ts'

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export interface StackEnv {
  port: number
  tickMs: number
  databaseUrl?: string
  /** null = in memory (`LOCAL_SUPABASE_DATA_DIR=memory`), undefined = the default directory. */
  dataDir?: string | null
  siteUrl: string
  additionalRedirectUrls: string[]
  /** Where the data lives, for the start-up message. */
  describe: string
}

/**
 * The stack's environment, shared by `npm run supabase:local` and `npm run dev`; a bad
 * value is a ConfigError naming the variable.
 */
export function stackEnv(env: NodeJS.ProcessEnv = process.env): StackEnv {
  const databaseUrl = env.DATABASE_URL || undefined
  const rawDir = env.LOCAL_SUPABASE_DATA_DIR
  const dataDir = !rawDir ? undefined : rawDir === 'memory' ? null : rawDir
  return {
    port: parsePort(env.LOCAL_SUPABASE_PORT),
    tickMs: parseTick(env.MARKET_TICK_MS),
    databaseUrl,
    dataDir,
    siteUrl: env.SITE_URL || 'http://127.0.0.1:5173',
    additionalRedirectUrls: (env.ADDITIONAL_REDIRECT_URLS ?? '').split(','),
    describe: databaseUrl
      ? 'PostgreSQL from DATABASE_URL'
      : dataDir === null
        ? 'embedded PGlite in memory'
        : `embedded PGlite in ${dataDir ?? DEFAULT_DATA_DIR}`,
  }
}

function parsePort(value: string | undefined): number {
  if (!value) return DEFAULT_PORT
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`LOCAL_SUPABASE_PORT must be a port number, got "${value}"`)
  }
  return port
}

function parseTick(value: string | undefined): number {
  if (value === undefined || value === '') return 1000
  const ms = Number(value)
  if (!Number.isFinite(ms) || ms < 0) {
    throw new ConfigError(
      `MARKET_TICK_MS must be a number of milliseconds (0 = off), got "${value}"`,
    )
  }
  return ms
}
