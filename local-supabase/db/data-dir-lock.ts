import { readFile, rm, writeFile } from 'node:fs/promises'

/**
 * PGlite is one process's Postgres: two stacks on one data directory (say `npm run dev`
 * and `npm run supabase:local` on another port) would corrupt it. A pid file beside the
 * directory turns that into a clear error; a file left by a dead process is taken over.
 */
export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError'
}

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = `${dataDir.replace(/\/+$/, '')}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, String(process.pid), { flag: 'wx' })
      return () => rm(path, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim())
      if (owner && isAlive(owner)) {
        throw new DataDirInUseError(
          `The database in ${dataDir} is in use by process ${owner} (another local stack?). Stop it, or set LOCAL_SUPABASE_DATA_DIR to use another directory.`,
        )
      }
      await rm(path, { force: true })
    }
  }
  throw new Error(`Could not lock ${dataDir}`)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
