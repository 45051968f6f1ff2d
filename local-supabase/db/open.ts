import { mkdir, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { DEFAULT_DATA_DIR } from '../config.ts'
import { lockDataDir } from './data-dir-lock.ts'
import { openPglite } from './pglite.ts'
import { openPostgres } from './postgres.ts'
import { resetPostgres } from './reset.ts'
import type { Db } from './types.ts'

export interface OpenDbOptions {
  /** A real PostgreSQL; when absent, embedded PGlite. */
  databaseUrl?: string
  /** PGlite's data directory; `null` keeps it in memory. Ignored with `databaseUrl`. */
  dataDir?: string | null
  /** Start from an empty database (PGlite: delete the data dir; Postgres: drop the stack's schemas). */
  reset?: boolean
}

export async function openDb(options: OpenDbOptions = {}): Promise<Db> {
  if (options.databaseUrl) {
    const db = await openPostgres(options.databaseUrl)
    if (options.reset) {
      try {
        await resetPostgres(db)
      } catch (error) {
        await db.close()
        throw error
      }
    }
    return db
  }
  const dataDir = options.dataDir === undefined ? DEFAULT_DATA_DIR : options.dataDir
  if (!dataDir) return openPglite({ dataDir: null })
  await mkdir(dirname(dataDir), { recursive: true })
  const unlock = await lockDataDir(dataDir)
  try {
    if (options.reset) await rm(dataDir, { recursive: true, force: true })
    const db = await openPglite({ dataDir })
    return {
      ...db,
      async close() {
        await db.close()
        await unlock()
      },
    }
  } catch (error) {
    await unlock()
    throw error
  }
}
