import { ANON_KEY, SERVICE_ROLE_KEY } from './config.ts'
import { PortInUseError, startStack } from './stack.ts'
import { ConfigError, stackEnv } from './stack-env.ts'

/**
 * `npm run supabase:local [-- --reset]`: the stack alone, printing what `supabase start`
 * prints. Configuration comes from the environment only (see stack-env.ts).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const unknown = args.filter((arg) => arg !== '--reset')
  if (unknown.length > 0) {
    throw new ConfigError(
      `Unknown argument: ${unknown.join(' ')} (usage: supabase:local [-- --reset])`,
    )
  }
  const env = stackEnv()
  const reset = args.includes('--reset')
  const log = (line: string) => console.log(line)

  log(`Starting local Supabase on port ${env.port} (${env.describe})...`)
  if (reset) {
    log(
      env.databaseUrl
        ? 'Resetting: dropping schemas public, auth, realtime, extensions and supabase_migrations'
        : 'Resetting: starting from an empty database',
    )
  }
  const stack = await startStack({ ...env, reset, log })

  log('')
  log(`         API URL: ${stack.url}`)
  log(`        anon key: ${ANON_KEY}`)
  log(`service_role key: ${SERVICE_ROLE_KEY}`)
  log(`    Market clock: ${env.tickMs > 0 ? `every ${env.tickMs} ms` : 'off'}`)
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

/** Failures a user can fix get one clear line; anything else keeps its stack for debugging. */
const EXPECTED_ERRORS = ['ConfigError', 'MigrationError', 'DataDirInUseError']

main().catch((error: unknown) => {
  if (
    error instanceof PortInUseError ||
    (error instanceof Error && EXPECTED_ERRORS.includes(error.name))
  ) {
    console.error(error.message)
  } else {
    console.error(error)
  }
  process.exit(1)
})
