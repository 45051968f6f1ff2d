import type { Queryable } from '../db/types.ts'
import { composeStatement, type BodyMode, type StatementRow } from './compose.ts'
import { levelKey, type ParsedQuery } from './parse-query.ts'
import { SqlBuilder, type Source } from './sql-builder.ts'
import type { SchemaCache } from './schema-cache.ts'

export interface Outcome {
  body: string | null
  /** Rows in the response (reads) or rows written (mutations). */
  rows: number
  total?: number
}

/** What to run in the request's transaction, and how to answer from its outcome. */
export interface Plan {
  run(tx: Queryable): Promise<Outcome>
  /** Top-level offset, for Content-Range. */
  offset: number
}

export interface RenderOptions {
  mode: BodyMode
  stripNulls: boolean
  count: boolean
  range?: { offset: number; limit?: number }
  /** PostgREST's db-max-rows: a cap on top-level rows (Supabase's `max_rows`, 1000). */
  maxRows?: number
}

export async function runStatement(
  tx: Queryable,
  sql: string,
  params: unknown[],
): Promise<Outcome> {
  const { rows } = await tx.query<StatementRow>(sql, params)
  const row = rows[0]
  return {
    body: row.body,
    rows: Number(row.page_count),
    total: row.total === undefined ? undefined : Number(row.total),
  }
}

/**
 * A read of `source` shaped by the request: select list, filters, order, paging, count.
 * `ctes` lets RPC read from its function call and mutations from their written rows.
 */
export function planRead(
  cache: SchemaCache,
  source: Source,
  parsed: ParsedQuery,
  render: RenderOptions,
  extra: { ctes?: string[]; builder?: SqlBuilder; scalarColumn?: string } = {},
): Plan {
  const b = extra.builder ?? new SqlBuilder(cache, parsed.levels)
  const a = b.alias()
  const list = extra.scalarColumn
    ? `${a}.${extra.scalarColumn}`
    : b.selectList(source, a, parsed.select, [])
  const where = b.conditions(source, a, parsed.select, [])
  const whereSql = where.length ? ` where ${where.join(' and ')}` : ''
  const page = `select ${list} from ${source.from(a)}${whereSql}${b.orderBy(source, a, [], parsed.select)}${b.paging([], render.range, render.maxRows)}`
  b.checkLevelsUsed()
  const sql = composeStatement({
    ctes: extra.ctes ?? [],
    page,
    total: render.count ? `select count(*) from ${source.from(a)}${whereSql}` : undefined,
    mode: render.mode,
    stripNulls: render.stripNulls,
    scalarColumn: extra.scalarColumn,
  })
  const top = parsed.levels.get(levelKey([]))
  const offset = Math.max(top?.offset ?? 0, render.range?.offset ?? 0)
  return { run: (tx) => runStatement(tx, sql, b.params), offset }
}
