import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

// Paths from import.meta.dirname, not `new URL(..., import.meta.url)`: Vite rewrites that
// pattern into asset URLs when this code is loaded by a jsdom test.
const BOOTSTRAP_SQL = join(import.meta.dirname, 'bootstrap.sql')
const PGLITE_PACKAGE = join(
  import.meta.dirname,
  '../../node_modules/@electric-sql/pglite/package.json',
)

/**
 * Names the database state bootstrap + migrations + seed produce, for reusing a prepared
 * copy: anything that shapes it changes the key, and so does the UTC date, because the
 * seed writes "today's" intraday candles.
 */
export async function preparedContentKey(options: {
  migrationsDir: string
  seedFile: string
}): Promise<string> {
  const hash = createHash('sha256')
  const pgliteVersion = JSON.parse(await readFile(PGLITE_PACKAGE, 'utf8')).version as string
  const today = new Date().toISOString().slice(0, 10)
  hash.update(`${today}\0${pgliteVersion}\0`).update(await readFile(BOOTSTRAP_SQL))
  const migrations = (await readdir(options.migrationsDir).catch(() => [] as string[])).sort()
  for (const name of migrations) {
    hash.update(`\0${name}\0`).update(await readFile(join(options.migrationsDir, name)))
  }
  hash.update('\0seed\0').update(await readFile(options.seedFile).catch(() => Buffer.alloc(0)))
  return hash.digest('hex').slice(0, 16)
}
