import type { Queryable } from '../db/types.ts'

export interface Column {
  name: string
  /** pg_type.typname (`int4`, `uuid`, `_text`): what realtime-js converts values by. */
  type: string
}

export interface TableInfo {
  schema: string
  table: string
  columns: Column[]
  types: Map<string, string>
  primaryKey: string[]
  rowSecurity: boolean
  replicaIdentityFull: boolean
}

const TABLE_SQL = `
select c.relrowsecurity as rls,
  c.relreplident::text as replident,
  (select json_agg(json_build_object('name', a.attname, 'type', t.typname) order by a.attnum)
     from pg_attribute a join pg_type t on t.oid = a.atttypid
    where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
  (select json_agg(a.attname order by array_position(i.indkey::int2[], a.attnum))
     from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indrelid = c.oid and i.indisprimary) as pk
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where n.nspname = $1 and c.relname = $2 and c.relkind in ('r', 'p')`

interface TableRow {
  rls: boolean
  replident: string
  columns: Column[] | string | null
  pk: string[] | string | null
}

/** node-postgres and PGlite both parse json, but be safe if a driver hands back text. */
function jsonValue<T>(value: T | string | null): T | null {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value
}

/**
 * Table shapes for filters, column types and RLS checks. Cached until `clear()` (the stack
 * changes schemas only through migrations, before `installChangeCapture`); a missing table
 * is never cached, so one created later is found.
 */
export function createCatalog(db: Queryable) {
  const cache = new Map<string, Promise<TableInfo | null>>()

  async function load(schema: string, table: string): Promise<TableInfo | null> {
    const { rows } = await db.query<TableRow>(TABLE_SQL, [schema, table])
    if (rows.length === 0) return null
    const columns = jsonValue<Column[]>(rows[0].columns) ?? []
    return {
      schema,
      table,
      columns,
      types: new Map(columns.map((c) => [c.name, c.type])),
      primaryKey: jsonValue<string[]>(rows[0].pk) ?? [],
      rowSecurity: rows[0].rls,
      replicaIdentityFull: rows[0].replident === 'f',
    }
  }

  return {
    get(schema: string, table: string): Promise<TableInfo | null> {
      const key = `${schema}.${table}`
      let entry = cache.get(key)
      if (!entry) {
        entry = load(schema, table)
        cache.set(key, entry)
        entry.then(
          (info) => info === null && cache.delete(key),
          () => cache.delete(key),
        )
      }
      return entry
    },
    clear() {
      cache.clear()
    },
  }
}

export type Catalog = ReturnType<typeof createCatalog>
