import { spawn } from 'node:child_process'
import { constants } from 'node:os'
import { startPostgresCluster } from '../local-supabase/pg-cluster.ts'

/**
 * `tsx scripts/with-postgres.ts -- <command...>`: runs the command against a throwaway
 * Debian PostgreSQL 15 cluster (DATABASE_URL set), then removes the cluster and exits with
 * the command's code. .ci/run uses it to run the contract suites on real Postgres.
 */
async function main(): Promise<number> {
  const separator = process.argv.indexOf('--')
  const command = separator >= 0 ? process.argv.slice(separator + 1) : process.argv.slice(2)
  if (command.length === 0) {
    console.error('usage: tsx scripts/with-postgres.ts -- <command> [args...]')
    return 2
  }
  const cluster = await startPostgresCluster()
  console.error(`with-postgres: PostgreSQL ready at ${cluster.url}`)
  try {
    const child = spawn(command[0], command.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: cluster.url },
    })
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    return await new Promise<number>((resolve) => {
      child.once('error', (error) => {
        console.error(`with-postgres: cannot run ${command[0]}: ${error.message}`)
        resolve(127)
      })
      child.once('exit', (code, signal) =>
        resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)),
      )
    })
  } finally {
    await cluster.stop()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`with-postgres: ${(error as Error)?.message ?? error}`)
    process.exit(1)
  },
)
