import type { Db } from './db/types.ts'

export interface MarketClock {
  stop(): Promise<void>
}

const UNDEFINED_FUNCTION = '42883'

/**
 * What pg_cron does on hosted Supabase, locally: `select public.market_tick()` as
 * service_role every `tickMs`. A tick never starts while the previous one runs (the next
 * is scheduled only when it ends), and a failing tick is logged, never fatal. Until the
 * migrations define the function, that is said once and the clock keeps trying.
 */
export function startMarketClock(
  db: Db,
  options: { tickMs: number; log?: (line: string) => void },
): MarketClock {
  const log = options.log ?? (() => {})
  if (!(options.tickMs > 0)) return { stop: async () => {} }

  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  let missingReported = false
  let lastError = ''

  async function tick(): Promise<void> {
    try {
      await db.asRole({ role: 'service_role', claims: { role: 'service_role' } }, (tx) =>
        tx.query('select public.market_tick()'),
      )
      missingReported = false
      lastError = ''
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string }
      if (code === UNDEFINED_FUNCTION && message?.includes('market_tick')) {
        if (!missingReported)
          log('market clock: public.market_tick() does not exist yet; will keep trying')
        missingReported = true
      } else if (!stopped) {
        // The same failure every second would drown the log; report changes only.
        const text = `market clock: tick failed: ${message ?? error}`
        if (text !== lastError) log(text)
        lastError = text
      }
    }
  }

  function schedule(): void {
    if (stopped) return
    timer = setTimeout(() => {
      running = tick().then(schedule)
    }, options.tickMs)
  }
  schedule()

  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
