import { execFile } from 'node:child_process'
import { chownSync, mkdtempSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'

const run = promisify(execFile)
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin'

export interface PostgresCluster {
  /** URL of a fresh database in the cluster (superuser `postgres`, no password). */
  url: string
  /** URL of the cluster's maintenance database, for creating more databases. */
  adminUrl: string
  stop(): Promise<void>
}

/**
 * A throwaway Debian PostgreSQL cluster for tests and CI: initdb into a temp dir, start on
 * a free port reachable only from 127.0.0.1, durability off (nothing here must survive a
 * crash), stop and delete on `stop()`. initdb and pg_ctl refuse to run as root, so as root
 * they run as the `postgres` OS user, which then owns the temp dir.
 */
export async function startPostgresCluster(
  options: { database?: string } = {},
): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'local-pg-'))
  const asRoot = process.getuid?.() === 0
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres'])
    const { stdout: gid } = await run('id', ['-g', 'postgres'])
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()))
  }
  const pgCommand = (bin: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(PG_BIN, bin), ...args])
      : run(join(PG_BIN, bin), args)

  const data = join(dir, 'data')
  let started = false
  const stop = async () => {
    if (started)
      await pgCommand('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {})
    started = false
    await rm(dir, { recursive: true, force: true })
  }
  try {
    await pgCommand('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-locale',
      '--no-sync',
    ])
    const port = await freePort()
    const settings = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${dir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=300',
      '-c shared_buffers=64MB',
    ].join(' ')
    await pgCommand('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'postgres.log'),
      '-o',
      settings,
      '-w',
      'start',
    ])
    started = true
    const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`
    const database = options.database ?? 'stocktrade'
    await createDatabase(adminUrl, database)
    return { url: `postgresql://postgres@127.0.0.1:${port}/${database}`, adminUrl, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

export async function createDatabase(
  adminUrl: string,
  name: string,
  template?: string,
): Promise<void> {
  const from = template ? ` template "${template}"` : ''
  await withClient(adminUrl, (client) => client.query(`create database "${name}"${from}`))
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) =>
    client.query(`drop database if exists "${name}" with (force)`),
  )
}

/** Runs `fn` on a fresh connection to `url`, closed afterwards whatever happens. */
export async function withClient<T>(
  url: string,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

/**
 * A fresh, uniquely named database in the cluster `baseUrl` points at, so concurrent test
 * files never share tables. Created and dropped through the cluster's `postgres` database.
 */
export async function createScratchDatabase(
  baseUrl: string,
  options: { template?: string } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `stack_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new URL(baseUrl)
  admin.pathname = '/postgres'
  const url = new URL(baseUrl)
  url.pathname = `/${name}`
  await createDatabase(admin.toString(), name, options.template)
  return { url: url.toString(), drop: () => dropDatabase(admin.toString(), name) }
}
