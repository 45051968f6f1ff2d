import { createScratchDatabase, withClient } from '../pg-cluster.ts'
import { preparedContentKey } from './content-key.ts'
import { prepareDatabase } from './migrate.ts'
import { openPostgres } from './postgres.ts'

const WAIT_LIMIT_MS = 3 * 60 * 1000
/** Losing a simultaneous `create database` race surfaces as either of these. */
const ALREADY_CREATED = new Set(['42P04', '23505'])

/**
 * A fresh database for one test stack in the cluster at `clusterUrl`, already migrated and
 * seeded: the first caller for a given content key builds `stack_tpl_<key>` and marks it a
 * template; everyone then gets `create database ... template` copies, which take a
 * fraction of running the migrations and seed again. Concurrent callers wait for the
 * builder instead of racing it.
 */
export async function createPreparedDatabase(
  clusterUrl: string,
  options: { migrationsDir: string; seedFile: string },
): Promise<{ url: string; drop(): Promise<void> }> {
  const template = `stack_tpl_${await preparedContentKey(options)}`
  const admin = new URL(clusterUrl)
  admin.pathname = '/postgres'
  await ensureTemplate(admin.toString(), template, options)
  return createScratchDatabase(clusterUrl, { template })
}

async function ensureTemplate(
  adminUrl: string,
  template: string,
  options: { migrationsDir: string; seedFile: string },
): Promise<void> {
  const deadline = Date.now() + WAIT_LIMIT_MS
  for (;;) {
    const state = await templateState(adminUrl, template)
    if (state === 'ready') return
    if (state === 'missing' && (await claim(adminUrl, template))) {
      await build(adminUrl, template, options)
      return
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for database ${template}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

async function build(
  adminUrl: string,
  template: string,
  options: { migrationsDir: string; seedFile: string },
): Promise<void> {
  const url = new URL(adminUrl)
  url.pathname = `/${template}`
  try {
    const db = await openPostgres(url.toString(), 2)
    try {
      await prepareDatabase(db, options)
    } finally {
      await db.close()
    }
    await withClient(adminUrl, (client) =>
      client.query(`alter database "${template}" is_template true`),
    )
  } catch (error) {
    await withClient(adminUrl, (client) =>
      client.query(`drop database if exists "${template}" with (force)`),
    ).catch(() => {})
    throw error
  }
}

async function claim(adminUrl: string, template: string): Promise<boolean> {
  try {
    await withClient(adminUrl, (client) => client.query(`create database "${template}"`))
    return true
  } catch (error) {
    if (ALREADY_CREATED.has((error as { code?: string }).code ?? '')) return false
    throw error
  }
}

async function templateState(
  adminUrl: string,
  template: string,
): Promise<'missing' | 'building' | 'ready'> {
  const { rows } = await withClient(adminUrl, (client) =>
    client.query<{ ready: boolean }>(
      'select datistemplate as ready from pg_database where datname = $1',
      [template],
    ),
  )
  if (rows.length === 0) return 'missing'
  return rows[0].ready ? 'ready' : 'building'
}
