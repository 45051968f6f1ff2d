import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { preparedContentKey } from './content-key.ts'
import { prepareDatabase } from './migrate.ts'
import { pgliteDb } from './pglite.ts'
import type { Db } from './types.ts'

const CACHE_DIR = join(import.meta.dirname, '../../node_modules/.cache/local-supabase')

/**
 * Every test file wants a fresh database with bootstrap, migrations and seed applied;
 * running them takes seconds, so it is done once and the resulting PGlite data directory
 * is cached on disk, keyed by the content of everything that shaped it. Each caller then
 * gets its own in-memory copy of that image. A changed migration changes the key; so does
 * the UTC date, because the seed writes "today's" intraday candles.
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
  const key = await preparedContentKey(options)
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
  await mkdir(CACHE_DIR, { recursive: true })
  // Test workers start together: one builds, the others wait for its file rather than
  // all paying the same seconds of CPU. A lock left by a crashed builder expires.
  for (;;) {
    const cached = await readFile(file).catch(() => null)
    if (cached) return new Blob([new Uint8Array(cached)])
    const lock = await takeLock(`${file}.lock`)
    if (lock) {
      try {
        return await build(file, options)
      } finally {
        await rm(`${file}.lock`, { force: true })
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const LOCK_EXPIRY_MS = 3 * 60 * 1000

async function takeLock(path: string): Promise<boolean> {
  try {
    await writeFile(path, String(process.pid), { flag: 'wx' })
    return true
  } catch {
    const info = await stat(path).catch(() => null)
    if (info && Date.now() - info.mtimeMs > LOCK_EXPIRY_MS) await rm(path, { force: true })
    return false
  }
}

async function build(file: string, options: { migrationsDir: string; seedFile: string }) {
  const pg = await PGlite.create()
  try {
    await prepareDatabase(pgliteDb(pg), options)
    const image = await pg.dumpDataDir('gzip')
    // Written aside and renamed, so a reader never sees half a file.
    const partial = `${file}.${process.pid}.${Date.now()}`
    await writeFile(partial, new Uint8Array(await image.arrayBuffer()))
    await rename(partial, file)
    await pruneStaleImages(file)
    return image
  } finally {
    await pg.close()
  }
}

/** Images of older migrations or days; an hour's grace for workers still loading one. */
async function pruneStaleImages(keep: string): Promise<void> {
  const cutoff = Date.now() - 60 * 60 * 1000
  for (const name of await readdir(CACHE_DIR)) {
    const path = join(CACHE_DIR, name)
    if (path === keep || !name.startsWith('template-') || name.endsWith('.lock')) continue
    const info = await stat(path).catch(() => null)
    if (info && info.mtimeMs < cutoff) await rm(path, { force: true })
  }
}
