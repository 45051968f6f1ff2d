import type { Db } from '../db/types.ts'

const EVERY_MS = 60_000

export interface Janitor {
  sweep(): Promise<void>
  stop(): void
}

/**
 * Public messages and captured changes are kept a few minutes, so the tables stay small
 * under a 50 kB market tick every second; private messages a day, for broadcast replay
 * (hosted Realtime drops old partitions likewise).
 * PGlite has no autovacuum, so the space of deleted rows is reclaimed here.
 */
export function startJanitor(db: Db, log: (line: string) => void): Janitor {
  const sweep = async () => {
    try {
      await db.query(
        `delete from realtime.messages
          where inserted_at < now() - case when private then interval '1 day' else interval '5 minutes' end`,
      )
      if (db.kind === 'pglite') await db.query('vacuum realtime.messages')
      const changes = await db.query<{ table: string | null }>(
        `select to_regclass('realtime.local_changes')::text as table`,
      )
      if (changes.rows[0]?.table) {
        await db.query(
          `delete from realtime.local_changes where commit_timestamp < now() - interval '5 minutes'`,
        )
        if (db.kind === 'pglite') await db.query('vacuum realtime.local_changes')
      }
    } catch (error) {
      log(`realtime: cleanup failed: ${(error as Error).message}`)
    }
  }
  const timer = setInterval(() => void sweep(), EVERY_MS)
  timer.unref()
  return { sweep, stop: () => clearInterval(timer) }
}
