import type { Queryable } from '../db/types.ts'
import type { ForeignKey, Relation } from './schema-cache.ts'

/**
 * Which base-table column each view column reads, from the view's stored query tree: every
 * target entry records `resorigtbl`/`resorigcol` for plain column references (traced
 * through subqueries by the parser). The top-level target list comes after the range table,
 * so the last entry of a name wins. PostgREST reads the same fields to embed through views.
 */
const VIEW_COLUMNS_SQL = `
select v.relname as view, m[1] as "column", b.relname as "table", a.attname as "baseColumn"
from pg_class v
join pg_namespace vn on vn.oid = v.relnamespace
join pg_rewrite r on r.ev_class = v.oid
cross join lateral regexp_matches(r.ev_action::text,
  ':resname (\\S+) :ressortgroupref \\d+ :resorigtbl (\\d+) :resorigcol (\\d+)', 'g')
  with ordinality as x(m, n)
join pg_class b on b.oid = m[2]::oid
join pg_namespace bn on bn.oid = b.relnamespace and bn.nspname = $1
join pg_attribute a on a.attrelid = b.oid and a.attnum = m[3]::int
where vn.nspname = $1 and v.relkind in ('v', 'm') and m[2] <> '0'
order by v.relname, x.n`

type Origins = Map<string, Map<string, { table: string; column: string }>>

async function viewOrigins(db: Queryable, schema: string): Promise<Origins> {
  const { rows } = await db.query<{
    view: string
    column: string
    table: string
    baseColumn: string
  }>(VIEW_COLUMNS_SQL, [schema])
  const origins: Origins = new Map()
  for (const row of rows) {
    const columns = origins.get(row.view) ?? new Map()
    columns.set(row.column, { table: row.table, column: row.baseColumn })
    origins.set(row.view, columns)
  }
  return origins
}

/** View columns (in key order) exposing every column of `table`'s `columns`, if the view does. */
function exposes(
  viewColumns: Map<string, { table: string; column: string }>,
  table: string,
  columns: string[],
) {
  const mapped = columns.map((column) => {
    for (const [name, origin] of viewColumns) {
      if (origin.table === table && origin.column === column) return name
    }
    return null
  })
  return mapped.every((name) => name !== null) ? (mapped as string[]) : null
}

/**
 * Adds the foreign keys views inherit from their base tables (view→table, table→view and
 * view→view), and gives views their base table's primary key, so views embed and upsert
 * as with PostgREST.
 */
export async function addViewKeys(
  db: Queryable,
  schema: string,
  relations: Map<string, Relation>,
  foreignKeys: ForeignKey[],
): Promise<ForeignKey[]> {
  const views = [...(await viewOrigins(db, schema)).entries()]
  const sides = (table: string, columns: string[]) => [
    { name: table, columns },
    ...views.flatMap(([view, cols]) => {
      const mapped = exposes(cols, table, columns)
      return mapped ? [{ name: view, columns: mapped }] : []
    }),
  ]
  const all: ForeignKey[] = []
  for (const fk of foreignKeys) {
    for (const from of sides(fk.table, fk.columns)) {
      for (const to of sides(fk.referencedTable, fk.referencedColumns)) {
        all.push({
          ...fk,
          table: from.name,
          columns: from.columns,
          referencedTable: to.name,
          referencedColumns: to.columns,
        })
      }
    }
  }
  for (const [view, cols] of views) {
    const relation = relations.get(view)
    // Only a view over one table keeps that table's key unique; a join may repeat it.
    const bases = new Set([...cols.values()].map((origin) => origin.table))
    if (!relation || bases.size !== 1 || relation.primaryKey.length > 0) continue
    const [base] = bases
    const pk = relations.get(base)?.primaryKey ?? []
    const mapped = pk.length ? exposes(cols, base, pk) : null
    if (mapped) {
      relation.primaryKey = mapped
      relation.uniqueKeys = [mapped, ...relation.uniqueKeys]
    }
  }
  return all
}
