import { mkdirSync } from 'node:fs'
import { PGlite, type Transaction } from '@electric-sql/pglite'
import { requestSettingsParams, SET_REQUEST_SETTINGS } from './request-settings.ts'
import type { Db, Queryable, QueryResult, ScriptQueryable } from './types.ts'

/**
 * PGlite is a single Postgres session in WebAssembly. Its own mutex already serialises
 * `query`, `exec` and `transaction`, so every `Db` operation here is one exclusive unit and
 * transactions never interleave. Never call the `Db` itself from inside a transaction
 * callback: use the `tx` it was given (the outer call would wait for the transaction).
 */
export async function openPglite(options: {
  dataDir: string | null
  loadDataDir?: Blob
}): Promise<Db> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
  const pg = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  })
  return pgliteDb(pg)
}

function queryable(target: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params?: unknown[]): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, params)
      return { rows: result.rows, affectedRows: result.affectedRows }
    },
  }
}

function scriptable(tx: Transaction): ScriptQueryable {
  return {
    ...queryable(tx),
    async exec(sql) {
      await tx.exec(sql)
    },
  }
}

export function pgliteDb(pg: PGlite): Db & { pglite: PGlite } {
  return {
    kind: 'pglite',
    pglite: pg,
    ...queryable(pg),
    async exec(sql) {
      await pg.exec(sql)
    },
    transaction(fn) {
      return pg.transaction((tx) => fn(scriptable(tx)))
    },
    asRole(ctx, fn, options) {
      return pg.transaction(async (tx) => {
        // Must precede every other statement of the transaction.
        if (options?.readOnly) await tx.query('set transaction read only')
        await tx.query(SET_REQUEST_SETTINGS, requestSettingsParams(ctx))
        return fn(queryable(tx))
      })
    },
    async listen(channel, onPayload) {
      const unlisten = await pg.listen(channel, onPayload)
      return async () => {
        if (!pg.closed) await unlisten()
      }
    },
    async close() {
      if (!pg.closed) await pg.close()
    },
  }
}
