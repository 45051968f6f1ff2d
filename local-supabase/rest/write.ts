import { quoteIdent as q, type Queryable } from '../db/types.ts'
import { RestError, unknownWriteColumn } from './errors.ts'
import type { ParsedQuery } from './parse-query.ts'
import { planRead, type Outcome, type Plan, type RenderOptions } from './plan.ts'
import type { Preferences } from './prefer.ts'
import type { JsonBody } from './request.ts'
import { EXPOSED_SCHEMA, type Relation, type SchemaCache } from './schema-cache.ts'
import { rowsOf, SqlBuilder, type Source } from './sql-builder.ts'

type Row = Record<string, unknown>

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function checkColumns(relation: Relation, columns: string[]): void {
  for (const column of columns) {
    if (!relation.columnsByName.has(column)) throw unknownWriteColumn(relation.name, column)
  }
}

const table = (relation: Relation) => `${q(EXPOSED_SCHEMA)}.${q(relation.name)}`

/** Reads the mutation's RETURNING rows (`_w`) as the table, so `select=` can embed. */
function writtenSource(relation: Relation): Source {
  return {
    name: relation.name,
    columns: relation.columns,
    columnsByName: relation.columnsByName,
    from: (alias) => `_w as ${alias}`,
    embeddable: true,
    rowOf: rowsOf(relation),
  }
}

/**
 * Statements planned together share one parameter list; run alone, each must bind exactly
 * the parameters it references (the protocol rejects extras), renumbered from $1.
 */
function bindUsed(sql: string, params: unknown[]): { sql: string; params: unknown[] } {
  const numbers = new Map<number, number>()
  const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n)
    if (!numbers.has(index)) numbers.set(index, numbers.size + 1)
    return `$${numbers.get(index)}`
  })
  return { sql: text, params: [...numbers.keys()].map((index) => params[index - 1]) }
}

/**
 * Runs `statements` (each `... returning *` capable) either as CTEs feeding the
 * representation, or, for `return=minimal`, without RETURNING, so tables whose SELECT
 * policies hide the new rows can still be written (as with PostgREST).
 */
function planWrite(
  cache: SchemaCache,
  relation: Relation,
  parsed: ParsedQuery,
  render: RenderOptions,
  builder: SqlBuilder,
  statements: { sql: string; returning: string }[],
  represent: boolean,
): Plan {
  if (statements.length === 0) {
    // An empty array inserts nothing; PostgREST still answers 201 with `[]`.
    builder.checkLevelsUsed()
    const body = render.mode === 'none' ? null : '[]'
    return { offset: 0, run: async () => ({ body, rows: 0, total: render.count ? 0 : undefined }) }
  }
  if (!represent) {
    builder.checkLevelsUsed()
    return {
      offset: 0,
      async run(tx: Queryable): Promise<Outcome> {
        let rows = 0
        for (const { sql } of statements) {
          const bound = bindUsed(sql, builder.params)
          rows += (await tx.query(bound.sql, bound.params)).affectedRows ?? 0
        }
        return { body: null, rows, total: render.count ? rows : undefined }
      },
    }
  }
  const ctes = statements.map(
    ({ sql, returning }, i) => `_w${i} as (${sql} returning ${returning})`,
  )
  ctes.push(`_w as (${statements.map((_, i) => `select * from _w${i}`).join(' union all ')})`)
  builder.levels = withoutTopFilters(parsed)
  const plan = planRead(
    cache,
    writtenSource(relation),
    parsed,
    { ...render, count: false, range: undefined, maxRows: undefined },
    { ctes, builder },
  )
  return {
    offset: 0,
    async run(tx) {
      const outcome = await plan.run(tx)
      return { ...outcome, total: render.count ? outcome.rows : undefined }
    },
  }
}

/** Top-level filters chose the rows to write; they must not filter the returned rows again. */
function withoutTopFilters(parsed: ParsedQuery): ParsedQuery['levels'] {
  const levels = new Map(parsed.levels)
  levels.set('[]', { conditions: [] })
  return levels
}

export function planInsert(
  cache: SchemaCache,
  relation: Relation,
  parsed: ParsedQuery,
  body: JsonBody,
  prefs: Preferences,
  render: RenderOptions,
  represent: boolean,
): Plan {
  const rows = Array.isArray(body.value) ? body.value : [body.value]
  if (!rows.every(isRow)) throw new RestError(400, 'PGRST102', 'Empty or invalid json')
  let columns = parsed.columns
  if (!columns) {
    columns = Object.keys(rows[0] ?? {})
    const same = (row: Row) =>
      Object.keys(row).length === columns?.length && columns.every((c) => c in row)
    if (!rows.every(same)) throw new RestError(400, 'PGRST102', 'All object keys must match')
  }
  checkColumns(relation, columns)

  // With `missing=default`, each row may only name the keys it has, so rows are grouped by key set.
  const groups = new Map<string, { columns: string[]; positions: number[] }>()
  rows.forEach((row: Row, i) => {
    const present = prefs.missing === 'default' ? columns.filter((c) => c in row) : columns
    const key = JSON.stringify(present)
    const group = groups.get(key) ?? { columns: present, positions: [] }
    group.positions.push(i + 1)
    groups.set(key, group)
  })

  const builder = new SqlBuilder(cache, parsed.levels)
  const conflict = onConflict(relation, parsed, prefs)
  const text = builder.param(body.text)
  const array = Array.isArray(body.value) ? `${text}::json` : `json_build_array(${text}::json)`
  const statements = [...groups.values()].map((group) => {
    const list = group.columns.map(q).join(', ')
    const data =
      groups.size === 1
        ? array
        : `(select json_agg(_e order by _i) from json_array_elements(${array}) with ordinality as _x(_e, _i) where _i = any(${builder.param(`{${group.positions.join(',')}}`)}::int[]))`
    const source = `from json_populate_recordset(null::${table(relation)}, ${data}) as _j`
    const conflictSql = conflict ? conflict(group.columns) : ''
    // No columns at all (`{}`): a zero-column SELECT inserts one all-defaults row per object.
    const into = group.columns.length ? ` (${list})` : ''
    const values = group.columns.map((c) => `_j.${q(c)}`).join(', ')
    return {
      sql: `insert into ${table(relation)}${into} select ${values} ${source}${conflictSql}`,
      returning: '*',
    }
  })
  return planWrite(cache, relation, parsed, render, builder, statements, represent)
}

function onConflict(relation: Relation, parsed: ParsedQuery, prefs: Preferences) {
  if (!prefs.resolution) return null
  const target = parsed.onConflict ?? relation.primaryKey
  checkColumns(relation, target)
  const targetSql = target.length ? ` (${target.map(q).join(', ')})` : ''
  return (columns: string[]) => {
    if (prefs.resolution === 'ignore-duplicates' || columns.length === 0)
      return ` on conflict${targetSql} do nothing`
    const sets = columns.map((c) => `${q(c)} = excluded.${q(c)}`).join(', ')
    return ` on conflict${targetSql} do update set ${sets}`
  }
}

/** Hosted Supabase loads pg-safeupdate for API roles: UPDATE/DELETE need a WHERE clause. */
function requireWhere(where: string[], verb: 'UPDATE' | 'DELETE'): void {
  if (where.length === 0) throw new RestError(400, '21000', `${verb} requires a WHERE clause`)
}

export function planUpdate(
  cache: SchemaCache,
  relation: Relation,
  parsed: ParsedQuery,
  body: JsonBody,
  render: RenderOptions,
  represent: boolean,
): Plan {
  if (!isRow(body.value)) throw new RestError(400, 'PGRST102', 'Empty or invalid json')
  const columns = Object.keys(body.value)
  checkColumns(relation, columns)
  const builder = new SqlBuilder(cache, parsed.levels)
  const a = builder.alias()
  const target = writtenSource(relation)
  const where = builder.conditions(target, a, [], [])
  requireWhere(where, 'UPDATE')
  const whereSql = ` where ${where.join(' and ')}`
  let sql: string
  if (columns.length === 0) {
    // Nothing to set: PostgREST answers as if no row matched.
    sql = `update ${table(relation)} as ${a} set ${q(relation.columns[0].name)} = ${a}.${q(relation.columns[0].name)} where false`
  } else {
    const sets = columns.map((c) => `${q(c)} = _j.${q(c)}`).join(', ')
    const data = builder.param(body.text)
    sql = `update ${table(relation)} as ${a} set ${sets} from json_populate_record(null::${table(relation)}, ${data}::json) as _j${whereSql}`
  }
  return planWrite(
    cache,
    relation,
    parsed,
    render,
    builder,
    [{ sql, returning: `${a}.*` }],
    represent,
  )
}

export function planDelete(
  cache: SchemaCache,
  relation: Relation,
  parsed: ParsedQuery,
  render: RenderOptions,
  represent: boolean,
): Plan {
  const builder = new SqlBuilder(cache, parsed.levels)
  const a = builder.alias()
  const where = builder.conditions(writtenSource(relation), a, [], [])
  requireWhere(where, 'DELETE')
  const sql = `delete from ${table(relation)} as ${a} where ${where.join(' and ')}`
  return planWrite(
    cache,
    relation,
    parsed,
    render,
    builder,
    [{ sql, returning: `${a}.*` }],
    represent,
  )
}
