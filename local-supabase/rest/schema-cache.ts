import type { Queryable } from '../db/types.ts'
import { addViewKeys } from './view-keys.ts'

/** The one schema PostgREST exposes here (`db-schemas = public`, as `supabase start`). */
export const EXPOSED_SCHEMA = 'public'

export interface Column {
  name: string
  /** `format_type` output, e.g. `integer`, `timestamp with time zone`, `text[]`. */
  type: string
  nullable: boolean
  hasDefault: boolean
}

export interface Relation {
  name: string
  kind: 'table' | 'view'
  columns: Column[]
  columnsByName: Map<string, Column>
  primaryKey: string[]
  /** Column sets with a unique constraint or unique index (primary key included). */
  uniqueKeys: string[][]
}

export interface ForeignKey {
  name: string
  table: string
  columns: string[]
  referencedTable: string
  referencedColumns: string[]
}

export interface FunctionArg {
  name: string
  type: string
  hasDefault: boolean
}

export interface PgFunction {
  name: string
  args: FunctionArg[]
  returnsSet: boolean
  /** What one result row is: nothing, a scalar, or a row with these columns. */
  returns:
    | { kind: 'void' }
    | { kind: 'scalar'; type: string }
    /** `relation`: the exposed table/view whose row type this is, so results can embed. */
    | { kind: 'row'; columns: Column[]; relation?: string }
  volatility: 'immutable' | 'stable' | 'volatile'
  /** Set when the only parameter is a table's row type: a computed field of that table. */
  computedFieldOf?: string
}

export interface SchemaCache {
  relations: Map<string, Relation>
  foreignKeys: ForeignKey[]
  functions: Map<string, PgFunction[]>
  /** Type names the catalog knows, so `::cast` in a select can be checked. */
  typeNames: Set<string>
  /** Computed fields: scalar functions of one table row, per table. */
  computed: Map<string, Map<string, PgFunction>>
}

const RELATIONS_SQL = `
select c.relname as name, case when c.relkind in ('v', 'm') then 'view' else 'table' end as kind,
  coalesce((
    select json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
      'nullable', not a.attnotnull, 'hasDefault', a.atthasdef or a.attidentity <> '' or a.attgenerated <> '')
      order by a.attnum)
    from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
  ), '[]')::text as columns,
  coalesce((
    select json_agg(cols)::text from (
      select (select json_agg(a.attname order by k.ord) from unnest(i.indkey) with ordinality k(attnum, ord)
              join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum) as cols, i.indisprimary
      from pg_index i where i.indrelid = c.oid and i.indisunique and i.indpred is null and i.indexprs is null
      order by i.indisprimary desc
    ) u
  ), '[]') as unique_keys,
  coalesce((
    select json_agg(a.attname order by k.ord)::text from pg_index i
    cross join unnest(i.indkey) with ordinality k(attnum, ord)
    join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
    where i.indrelid = c.oid and i.indisprimary
  ), '[]') as primary_key
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm', 'f')`

const FOREIGN_KEYS_SQL = `
select con.conname as name, c.relname as "table", rc.relname as "referencedTable",
  (select json_agg(a.attname order by k.ord) from unnest(con.conkey) with ordinality k(attnum, ord)
    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum)::text as columns,
  (select json_agg(a.attname order by k.ord) from unnest(con.confkey) with ordinality k(attnum, ord)
    join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum)::text as "referencedColumns"
from pg_constraint con
join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
join pg_class rc on rc.oid = con.confrelid join pg_namespace rn on rn.oid = rc.relnamespace
where con.contype = 'f' and n.nspname = $1 and rn.nspname = $1
order by con.conname`

const FUNCTIONS_SQL = `
select p.proname as name, p.proretset as "returnsSet", p.provolatile as volatility,
  coalesce(array_to_json(p.proargnames), '[]')::text as "argNames",
  coalesce(array_to_json(p.proargmodes::text[]), '[]')::text as "argModes",
  p.pronargdefaults::int as "defaultCount",
  (select coalesce(json_agg(format_type(t, null) order by o), '[]')::text
     from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality x(t, o)) as "argTypes",
  rt.typtype as "returnTypeKind", format_type(p.prorettype, null) as "returnType",
  coalesce((
    select json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
      'nullable', true, 'hasDefault', false) order by a.attnum)
    from pg_attribute a where a.attrelid = rt.typrelid and a.attnum > 0 and not a.attisdropped
  ), '[]')::text as "returnColumns",
  (select rc.relname from pg_class rc join pg_namespace rn on rn.oid = rc.relnamespace
    where rc.oid = rt.typrelid and rn.nspname = $1 and rc.relkind in ('r', 'p', 'v', 'm', 'f')) as "returnRelation",
  (select ac.relname from pg_type at join pg_class ac on ac.oid = at.typrelid
    join pg_namespace an on an.oid = ac.relnamespace
    where p.pronargs = 1 and at.oid = p.proargtypes[0] and an.nspname = $1) as "rowArgRelation"
from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_type rt on rt.oid = p.prorettype
where n.nspname = $1 and p.prokind = 'f' and rt.typname not in ('trigger', 'event_trigger')
order by p.oid`

interface RawFunction {
  name: string
  returnsSet: boolean
  volatility: 'i' | 's' | 'v'
  defaultCount: number
  argNames: string
  argModes: string
  argTypes: string
  returnTypeKind: string
  returnType: string
  returnColumns: string
  returnRelation: string | null
  rowArgRelation: string | null
}

export async function loadSchemaCache(db: Queryable): Promise<SchemaCache> {
  const relations = new Map<string, Relation>()
  const rels = await db.query<{
    name: string
    kind: 'table' | 'view'
    columns: string
    unique_keys: string
    primary_key: string
  }>(RELATIONS_SQL, [EXPOSED_SCHEMA])
  for (const row of rels.rows) {
    const columns = JSON.parse(row.columns) as Column[]
    relations.set(row.name, {
      name: row.name,
      kind: row.kind,
      columns,
      columnsByName: new Map(columns.map((column) => [column.name, column])),
      primaryKey: JSON.parse(row.primary_key) as string[],
      uniqueKeys: JSON.parse(row.unique_keys) as string[][],
    })
  }

  const fks = await db.query<
    Omit<ForeignKey, 'columns' | 'referencedColumns'> & {
      columns: string
      referencedColumns: string
    }
  >(FOREIGN_KEYS_SQL, [EXPOSED_SCHEMA])
  const tableKeys = fks.rows.map((row) => ({
    ...row,
    columns: JSON.parse(row.columns) as string[],
    referencedColumns: JSON.parse(row.referencedColumns) as string[],
  }))
  const foreignKeys = await addViewKeys(db, EXPOSED_SCHEMA, relations, tableKeys)

  const functions = new Map<string, PgFunction[]>()
  const fns = await db.query<RawFunction>(FUNCTIONS_SQL, [EXPOSED_SCHEMA])
  for (const raw of fns.rows) {
    const fn = toFunction(raw)
    functions.set(fn.name, [...(functions.get(fn.name) ?? []), fn])
  }

  const types = await db.query<{ typname: string }>(
    `select distinct typname from pg_type t join pg_namespace n on n.oid = t.typnamespace
     where n.nspname in ('pg_catalog', $1) and t.typname !~ '^_' and t.typtype <> 'p'`,
    [EXPOSED_SCHEMA],
  )
  const computed = new Map<string, Map<string, PgFunction>>()
  for (const fn of [...functions.values()].flat()) {
    if (!fn.computedFieldOf || fn.returnsSet || fn.returns.kind !== 'scalar') continue
    const fields = computed.get(fn.computedFieldOf) ?? new Map<string, PgFunction>()
    fields.set(fn.name, fn)
    computed.set(fn.computedFieldOf, fields)
  }
  return {
    relations,
    foreignKeys,
    functions,
    computed,
    typeNames: new Set(types.rows.map((row) => row.typname)),
  }
}

function toFunction(raw: RawFunction): PgFunction {
  const types = JSON.parse(raw.argTypes) as string[]
  const names = JSON.parse(raw.argNames) as string[]
  const declaredModes = JSON.parse(raw.argModes) as string[]
  const modes = declaredModes.length > 0 ? declaredModes : types.map(() => 'i')
  const inputs: { name: string; type: string }[] = []
  const outputs: Column[] = []
  types.forEach((type, i) => {
    const name = names[i] ?? ''
    if (modes[i] === 'i' || modes[i] === 'b' || modes[i] === 'v') inputs.push({ name, type })
    if (modes[i] === 'o' || modes[i] === 'b' || modes[i] === 't') {
      outputs.push({ name, type, nullable: true, hasDefault: false })
    }
  })
  const firstDefault = inputs.length - Number(raw.defaultCount)
  const args = inputs.map((arg, i) => ({ ...arg, hasDefault: i >= firstDefault }))

  let returns: PgFunction['returns']
  if (outputs.length > 0) returns = { kind: 'row', columns: outputs }
  else if (raw.returnType === 'void') returns = { kind: 'void' }
  else if (raw.returnTypeKind === 'c') {
    const columns = JSON.parse(raw.returnColumns) as Column[]
    returns = { kind: 'row', columns, relation: raw.returnRelation ?? undefined }
  } else returns = { kind: 'scalar', type: raw.returnType }

  const volatility = ({ i: 'immutable', s: 'stable', v: 'volatile' } as const)[raw.volatility]
  const computedFieldOf = raw.rowArgRelation ?? undefined
  return { name: raw.name, args, returnsSet: raw.returnsSet, returns, volatility, computedFieldOf }
}
