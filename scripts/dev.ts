import { createServer, loadEnv, type ViteDevServer } from 'vite'
import { ANON_KEY } from '../local-supabase/config.ts'
import { stackEnv } from '../local-supabase/stack-env.ts'
import { PortInUseError, startStack, type RunningStack } from '../local-supabase/stack.ts'

/**
 * `npm run dev`: Vite alone when a Supabase URL is configured (`supabase start`, a hosted
 * project); otherwise the local stack (persisted PGlite) in this process plus Vite pointed
 * at it with the demo anon key. Ctrl-C stops both.
 */
async function main(): Promise<void> {
  const mode = process.env.MODE ?? 'development'
  const env = loadEnv(mode, process.cwd(), 'VITE_')
  let stack: RunningStack | null = null

  if (!env.VITE_SUPABASE_URL) {
    const started = performance.now()
    const stackConfig = stackEnv()
    console.log(`[supabase] Starting local Supabase (${stackConfig.describe})...`)
    stack = await startStack({ ...stackConfig, log: (line) => console.log(`[supabase] ${line}`) })
    // Vite reads VITE_* from process.env ahead of .env files, so the app sees the local stack.
    process.env.VITE_SUPABASE_URL = stack.url
    process.env.VITE_SUPABASE_ANON_KEY = ANON_KEY
    console.log(
      `[supabase] Local Supabase is ready at ${stack.url} (${Math.round(performance.now() - started)} ms)`,
    )
  } else {
    console.log(`[supabase] Using VITE_SUPABASE_URL=${env.VITE_SUPABASE_URL} (no local stack)`)
  }

  let vite: ViteDevServer
  try {
    vite = await createServer({ mode, server: { port: 5173, strictPort: true } })
    await vite.listen()
  } catch (error) {
    await stack?.stop()
    throw error
  }
  console.log('')
  vite.printUrls()
  if (stack) console.log(`  ➜  Supabase: ${stack.url}`)
  console.log('\nReady. Press Ctrl-C to stop.')

  let stopping = false
  const shutdown = () => {
    if (stopping) return
    stopping = true
    Promise.all([vite.close(), stack?.stop()]).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Shutdown failed: ${(error as Error)?.message ?? error}`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((error: unknown) => {
  const expected = ['ConfigError', 'MigrationError', 'DataDirInUseError']
  if (
    error instanceof PortInUseError ||
    (error instanceof Error && expected.includes(error.name))
  ) {
    console.error(error.message)
  } else console.error(error)
  process.exit(1)
})
