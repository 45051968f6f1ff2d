import type { Db } from '../db/types.ts'

const EVERY_MS = 60_000

/**
 * Delivered messages and changes are only kept a few minutes, so the tables stay small
 * under a market tick every second (hosted Realtime partitions and drops them likewise).
 */
export function startJanitor(db: Db, log: (line: string) => void): () => void {
  const sweep = async () => {
    try {
      await db.query(
        `delete from realtime.messages where inserted_at < now() - interval '5 minutes'`,
      )
      await db.query(
        `delete from realtime.local_changes where commit_timestamp < now() - interval '5 minutes'`,
      )
    } catch (error) {
      // realtime.local_changes exists only once change capture is installed.
      if ((error as { code?: string }).code !== '42P01') {
        log(`realtime: cleanup failed: ${(error as Error).message}`)
      }
    }
  }
  const timer = setInterval(() => void sweep(), EVERY_MS)
  timer.unref()
  return () => clearInterval(timer)
}
