import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { prepareDatabase } from './migrate.ts'
import { pgliteDb } from './pglite.ts'
import type { Db } from './types.ts'

const CACHE_DIR = new URL('../../node_modules/.cache/local-supabase/', import.meta.url).pathname
const PGLITE_PACKAGE = new URL(
  '../../node_modules/@electric-sql/pglite/package.json',
  import.meta.url,
)
const BOOTSTRAP_SQL = new URL('./bootstrap.sql', import.meta.url)

/**
 * Every test file wants a fresh database with bootstrap, migrations and seed applied;
 * running them takes seconds, so it is done once and the resulting PGlite data directory
 * is cached on disk, keyed by the content of everything that shaped it. Each caller then
 * gets its own in-memory copy of that image. A changed migration changes the key.
 */
export async function openPreparedPglite(options: {
  migrationsDir: string
  seedFile: string
}): Promise<Db> {
  const image = await preparedImage(options)
  const pg = await PGlite.create({ loadDataDir: image })
  return pgliteDb(pg)
}

const images = new Map<string, Promise<Blob>>()

async function preparedImage(options: { migrationsDir: string; seedFile: string }): Promise<Blob> {
  const key = await contentKey(options)
  let image = images.get(key)
  if (!image) {
    image = loadOrBuild(key, options)
    images.set(key, image)
    image.catch(() => images.delete(key))
  }
  return image
}

async function loadOrBuild(
  key: string,
  options: { migrationsDir: string; seedFile: string },
): Promise<Blob> {
  const file = join(CACHE_DIR, `template-${key}.tar.gz`)
  try {
    return new Blob([new Uint8Array(await readFile(file))])
  } catch {
    // Not cached yet: build it below.
  }
  const pg = await PGlite.create()
  try {
    await prepareDatabase(pgliteDb(pg), options)
    const image = await pg.dumpDataDir('gzip')
    await mkdir(CACHE_DIR, { recursive: true })
    // Concurrent test workers may build the same image; rename makes the last one win whole.
    const partial = `${file}.${process.pid}.${Date.now()}`
    await writeFile(partial, new Uint8Array(await image.arrayBuffer()))
    await rename(partial, file)
    return image
  } finally {
    await pg.close()
  }
}

async function contentKey(options: { migrationsDir: string; seedFile: string }): Promise<string> {
  const hash = createHash('sha256')
  const pgliteVersion = JSON.parse(await readFile(PGLITE_PACKAGE, 'utf8')).version as string
  hash
    .update(pgliteVersion)
    .update('\0')
    .update(await readFile(BOOTSTRAP_SQL))
  const migrations = (await readdir(options.migrationsDir).catch(() => [] as string[])).sort()
  for (const name of migrations) {
    hash
      .update('\0')
      .update(name)
      .update('\0')
      .update(await readFile(join(options.migrationsDir, name)))
  }
  hash.update('\0seed\0').update(await readFile(options.seedFile).catch(() => Buffer.alloc(0)))
  return hash.digest('hex').slice(0, 16)
}
