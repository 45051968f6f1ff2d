import pg from 'pg'
import { requestSettingsParams, SET_REQUEST_SETTINGS } from './request-settings.ts'
import { quoteIdent, type Db, type QueryResult, type ScriptQueryable } from './types.ts'

/**
 * Give node-postgres the value shapes PGlite produces, so callers see the same JS types
 * whichever driver runs: int8 as a number (string only beyond 2^53), and `date` /
 * `timestamp` read as UTC rather than in the Node process's local time zone.
 */
const INT8 = 20
const INT8_ARRAY = 1016
const INT4_ARRAY = 1007
const DATE = 1082
const TIMESTAMP = 1114

function parseInt8(value: string): number | string {
  const n = Number(value)
  return Number.isSafeInteger(n) ? n : value
}

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return parseInt8
    if (oid === INT8_ARRAY) {
      // int4[]'s parser yields numbers; int8[] values beyond 2^53 do not occur in this app.
      const parseIntArray = pg.types.getTypeParser as (oid: number) => (v: string) => number[]
      return parseIntArray(INT4_ARRAY)
    }
    if (oid === DATE) return (value: string) => new Date(`${value}T00:00:00Z`)
    if (oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`)
    return pg.types.getTypeParser(oid, format)
  },
}

function queryable(client: pg.Pool | pg.PoolClient): ScriptQueryable {
  return {
    async query<Row>(sql: string, params?: unknown[]): Promise<QueryResult<Row>> {
      const result = await client.query(sql, params)
      return { rows: result.rows as Row[], affectedRows: result.rowCount ?? undefined }
    },
    // Without parameters node-postgres uses the simple protocol, which runs scripts.
    async exec(sql: string) {
      await client.query(sql)
    },
  }
}

export async function openPostgres(databaseUrl: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, types })
  // An idle client dying (server restart, database dropped) must not crash the stack;
  // the pool replaces it on the next checkout.
  pool.on('error', () => {})
  await pool.query('select 1')

  async function inTransaction<T>(
    begin: string,
    setup: ((client: pg.PoolClient) => Promise<unknown>) | null,
    fn: (tx: ScriptQueryable) => Promise<T>,
  ): Promise<T> {
    const client = await pool.connect()
    let broken: Error | undefined
    try {
      await client.query(begin)
      if (setup) await setup(client)
      const result = await fn(queryable(client))
      await client.query('commit')
      return result
    } catch (error) {
      try {
        await client.query('rollback')
      } catch (rollbackError) {
        broken = rollbackError as Error
      }
      throw error
    } finally {
      client.release(broken)
    }
  }

  const listeners = createListeners(databaseUrl)

  return {
    kind: 'postgres',
    ...queryable(pool),
    transaction(fn) {
      return inTransaction('begin', null, fn)
    },
    asRole(ctx, fn, options) {
      return inTransaction(
        options?.readOnly ? 'begin read only' : 'begin',
        (client) => client.query(SET_REQUEST_SETTINGS, requestSettingsParams(ctx)),
        fn,
      )
    },
    listen: listeners.listen,
    async close() {
      await listeners.close()
      await pool.end()
    },
  }
}

/** How long the listener waits before reconnecting after its connection dropped. */
const LISTEN_RETRY_MS = 250

/**
 * All LISTENs share one dedicated connection, opened on first use. If that connection drops
 * (a server restart, an administrator terminating the backend) it is reopened and every
 * channel listened again, so Realtime keeps delivering; notifications sent while it was down
 * are lost, as they are for any Postgres listener, and clients catch up by re-fetching.
 */
function createListeners(databaseUrl: string) {
  const handlers = new Map<string, Set<(payload: string) => void>>()
  // The LISTEN of each channel on the current connection, awaited by later subscribers.
  let listening = new Map<string, Promise<unknown>>()
  let client: Promise<pg.Client> | null = null
  let retry: NodeJS.Timeout | undefined
  let closed = false

  function connect(): Promise<pg.Client> {
    client ??= open().catch((error: unknown) => {
      client = null
      throw error
    })
    return client
  }

  async function open(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: databaseUrl })
    c.on('error', () => {})
    c.on('end', () => reopenLater(c))
    c.on('notification', (message) => {
      for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '')
    })
    await c.connect()
    listening = new Map()
    for (const channel of handlers.keys()) listening.set(channel, listenOn(c, channel))
    await Promise.all(listening.values())
    return c
  }

  function reopenLater(ended: pg.Client) {
    if (closed || retry) return
    void client?.then(
      (current) => {
        if (current !== ended) return
        client = null
        if (handlers.size === 0) return
        console.warn('[db] LISTEN connection lost; reconnecting')
        const attempt = () => {
          retry = undefined
          if (closed) return
          connect().catch(() => {
            retry = setTimeout(attempt, LISTEN_RETRY_MS)
          })
        }
        retry = setTimeout(attempt, LISTEN_RETRY_MS)
      },
      // A connection that never opened has nothing to reopen; the next listen() retries.
      () => {},
    )
  }

  return {
    async listen(channel: string, onPayload: (payload: string) => void) {
      let set = handlers.get(channel)
      const first = !set
      if (!set) {
        set = new Set()
        handlers.set(channel, set)
      }
      set.add(onPayload)
      const c = await connect()
      if (first && !listening.has(channel)) listening.set(channel, listenOn(c, channel))
      // A second subscriber to the channel must not return before the LISTEN is in force.
      await listening.get(channel)
      return async () => {
        const current = handlers.get(channel)
        if (!current?.delete(onPayload) || current.size > 0) return
        handlers.delete(channel)
        listening.delete(channel)
        const live = await client?.catch(() => null)
        await live?.query(`unlisten ${quoteIdent(channel)}`).catch(() => {})
      }
    },
    async close() {
      closed = true
      clearTimeout(retry)
      handlers.clear()
      listening.clear()
      const c = await client?.catch(() => null)
      client = null
      await c?.end().catch(() => {})
    },
  }
}

function listenOn(c: pg.Client, channel: string): Promise<unknown> {
  return c.query(`listen ${quoteIdent(channel)}`)
}
