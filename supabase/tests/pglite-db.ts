import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'

const root = join(import.meta.dirname, '..', '..')

/** The migration files in the order the CLI applies them. */
export function migrationFiles(): string[] {
  const dir = join(root, 'supabase', 'migrations')
  return readdirSync(dir)
    .filter((name) => /^\d{14}_[a-z0-9_]+\.sql$/.test(name))
    .sort()
    .map((name) => join(dir, name))
}

/**
 * A fresh in-process PGlite with what the Supabase image provides (bootstrap.sql), every
 * migration and, unless told otherwise, the seed: the fastest real Postgres for the engine's
 * unit and property tests.
 */
export async function openTestDb(options: { seed?: boolean } = {}): Promise<PGlite> {
  const db = await PGlite.create()
  await db.exec(readFileSync(join(root, 'local-supabase', 'db', 'bootstrap.sql'), 'utf8'))
  for (const file of migrationFiles()) await db.exec(readFileSync(file, 'utf8'))
  if (options.seed !== false)
    await db.exec(readFileSync(join(root, 'supabase', 'seed.sql'), 'utf8'))
  return db
}
