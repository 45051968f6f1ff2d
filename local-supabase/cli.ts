import { ANON_KEY, DEFAULT_DATA_DIR, DEFAULT_PORT, SERVICE_ROLE_KEY } from './config.ts'
import { PortInUseError, startStack } from './stack.ts'

/**
 * `npm run supabase:local [-- --reset]`: the stack alone, printing what `supabase start`
 * prints. Configuration comes from the environment only (see README).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const unknown = args.filter((arg) => arg !== '--reset')
  if (unknown.length > 0) {
    console.error(`Unknown argument: ${unknown.join(' ')} (usage: supabase:local [-- --reset])`)
    process.exit(2)
  }
  const port = parsePort(process.env.LOCAL_SUPABASE_PORT)
  const tickMs = parseTick(process.env.MARKET_TICK_MS)
  const databaseUrl = process.env.DATABASE_URL || undefined
  const dataDir = process.env.LOCAL_SUPABASE_DATA_DIR || undefined
  const siteUrl = process.env.SITE_URL || 'http://127.0.0.1:5173'
  const log = (line: string) => console.log(line)
  const reset = args.includes('--reset')

  log(
    `Starting local Supabase on port ${port} (${databaseUrl ? 'PostgreSQL from DATABASE_URL' : `embedded PGlite in ${dataDir ?? DEFAULT_DATA_DIR}`})...`,
  )
  if (reset) {
    log(
      databaseUrl
        ? 'Resetting: dropping schemas public, auth, realtime, extensions and supabase_migrations'
        : `Resetting: deleting ${dataDir ?? DEFAULT_DATA_DIR}`,
    )
  }
  const stack = await startStack({
    port,
    databaseUrl,
    dataDir,
    reset,
    tickMs,
    siteUrl,
    additionalRedirectUrls: (process.env.ADDITIONAL_REDIRECT_URLS ?? '').split(','),
    log,
  })

  log('')
  log(`         API URL: ${stack.url}`)
  log(`        anon key: ${ANON_KEY}`)
  log(`service_role key: ${SERVICE_ROLE_KEY}`)
  log(`    Market clock: ${tickMs > 0 ? `every ${tickMs} ms` : 'off'}`)
  log('')
  log('Local Supabase is ready. Press Ctrl-C to stop.')

  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    log(`\n${signal} received, stopping...`)
    stack.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Shutdown failed: ${(error as Error)?.message ?? error}`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
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

class ConfigError extends Error {}

main().catch((error: unknown) => {
  // Expected failures get one clear line; anything else keeps its stack for debugging.
  if (error instanceof PortInUseError || error instanceof ConfigError) {
    console.error(error.message)
  } else if (
    error instanceof Error &&
    (error.name === 'MigrationError' || error.name === 'DataDirInUseError')
  ) {
    console.error(error.message)
  } else {
    console.error(error)
  }
  process.exit(1)
})
