import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Db, PgErrorFields } from './types.ts'

// Not `new URL(..., import.meta.url)`: Vite rewrites that into an asset URL under jsdom.
const BOOTSTRAP_SQL = join(import.meta.dirname, 'bootstrap.sql')

/** The Supabase CLI's own bookkeeping tables, so `supabase db push` and this agree. */
const HISTORY_SQL = `
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (
  version text primary key,
  statements text[],
  name text
);
create table if not exists supabase_migrations.seed_files (
  path text primary key,
  hash text not null
);
`

export interface PrepareOptions {
  migrationsDir?: string
  seedFile?: string
  log?: (line: string) => void
}

export interface PrepareResult {
  applied: string[]
  seeded: boolean
}

/**
 * Brings a database to what `supabase start` would serve: the image's bootstrap (every
 * start, idempotent), then each migration not yet recorded, in filename order, each in its
 * own transaction, then the seed once. Runs as the connecting superuser so bootstrap's
 * `alter default privileges` covers the objects migrations create.
 */
export async function prepareDatabase(
  db: Db,
  options: PrepareOptions = {},
): Promise<PrepareResult> {
  const migrationsDir = options.migrationsDir ?? 'supabase/migrations'
  const seedFile = options.seedFile ?? 'supabase/seed.sql'
  const log = options.log ?? (() => {})

  await runScript(db, 'local-supabase/db/bootstrap.sql', await readFile(BOOTSTRAP_SQL, 'utf8'))
  await db.exec(HISTORY_SQL)

  const { rows } = await db.query<{ version: string }>(
    'select version from supabase_migrations.schema_migrations',
  )
  const done = new Set(rows.map((row) => row.version))
  const applied: string[] = []
  for (const file of await migrationFiles(migrationsDir)) {
    const { version, name } = parseMigrationName(file)
    if (done.has(version)) continue
    const path = join(migrationsDir, file)
    const sql = await readFile(path, 'utf8')
    await runScript(db, path, sql, (tx) =>
      tx.query(
        'insert into supabase_migrations.schema_migrations (version, statements, name) values ($1, $2, $3)',
        [version, [sql], name],
      ),
    )
    log(`Applied migration ${file}`)
    applied.push(file)
  }

  return { applied, seeded: await seedOnce(db, seedFile, log) }
}

async function seedOnce(db: Db, seedFile: string, log: (line: string) => void): Promise<boolean> {
  const sql = await readFile(seedFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw error
  })
  if (sql === null) return false
  const hash = createHash('sha256').update(sql).digest('hex')
  const { rows } = await db.query<{ hash: string }>(
    'select hash from supabase_migrations.seed_files where path = $1',
    [seedFile],
  )
  if (rows.length > 0) {
    if (rows[0].hash !== hash)
      log(`${seedFile} changed since it was applied; start with --reset to re-seed`)
    return false
  }
  await runScript(db, seedFile, sql, (tx) =>
    tx.query('insert into supabase_migrations.seed_files (path, hash) values ($1, $2)', [
      seedFile,
      hash,
    ]),
  )
  log(`Seeded data from ${seedFile}`)
  return true
}

async function migrationFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []
    throw error
  })
  return entries.filter((file) => /^\d+_.*\.sql$/.test(file)).sort()
}

export function parseMigrationName(file: string): { version: string; name: string } {
  const match = /^(\d+)_(.*)\.sql$/.exec(file)
  if (!match) throw new Error(`Not a migration file name: ${file}`)
  return { version: match[1], name: match[2] }
}

async function runScript(
  db: Db,
  path: string,
  sql: string,
  record?: (tx: Parameters<Parameters<Db['transaction']>[0]>[0]) => Promise<unknown>,
): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await tx.exec(sql)
      if (record) await record(tx)
    })
  } catch (error) {
    throw new MigrationError(path, sql, error as PgErrorFields & { position?: string })
  }
}

/** A failed script, named by file and line, with Postgres's own fields kept for callers. */
export class MigrationError extends Error {
  readonly file: string
  readonly code?: string
  readonly detail?: string
  readonly hint?: string
  readonly line?: number

  constructor(file: string, sql: string, cause: PgErrorFields & { position?: string }) {
    const line = cause.position ? lineOf(sql, Number(cause.position)) : undefined
    const parts = [`Failed to apply ${file}${line ? ` (line ${line})` : ''}: ${cause.message}`]
    if (cause.code) parts[0] += ` [SQLSTATE ${cause.code}]`
    if (cause.detail) parts.push(`DETAIL: ${cause.detail}`)
    if (cause.hint) parts.push(`HINT: ${cause.hint}`)
    super(parts.join('\n'), { cause })
    this.name = 'MigrationError'
    this.file = file
    this.code = cause.code
    this.detail = cause.detail
    this.hint = cause.hint
    this.line = line
  }
}

/** Postgres reports a 1-based character offset into the whole script. */
function lineOf(sql: string, position: number): number {
  return [...sql]
    .slice(0, Math.max(0, position - 1))
    .join('')
    .split('\n').length
}
