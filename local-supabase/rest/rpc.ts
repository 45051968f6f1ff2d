import { quoteIdent as q } from '../db/types.ts'
import { RestError } from './errors.ts'
import type { ParsedQuery } from './parse-query.ts'
import { planRead, runStatement, type Plan, type RenderOptions } from './plan.ts'
import type { JsonBody } from './request.ts'
import { closest } from './suggest.ts'
import { EXPOSED_SCHEMA, type PgFunction, type SchemaCache } from './schema-cache.ts'
import { rowsOf, SqlBuilder, type Source } from './sql-builder.ts'

/** `text`: the JSON handed to Postgres (for POST, the request body itself). */
export type RpcCall =
  | { fn: PgFunction; args: Record<string, unknown>; text: string }
  | { fn: PgFunction; single: true; text: string }

const JSON_TYPES = new Set(['json', 'jsonb'])

/** Every argument name any overload of `name` has: on GET these are arguments, not filters. */
export function argumentNames(cache: SchemaCache, name: string): Set<string> {
  return new Set((cache.functions.get(name) ?? []).flatMap((fn) => fn.args.map((arg) => arg.name)))
}

/**
 * PostgREST's overload resolution: a function whose named parameters cover the given keys
 * and whose parameters without defaults are all given; failing that, one taking a single
 * unnamed json/jsonb parameter receives the whole body.
 */
export function resolveFunction(
  cache: SchemaCache,
  name: string,
  args: Record<string, unknown> | null,
  body?: JsonBody,
): RpcCall {
  const text = body?.text ?? JSON.stringify(args ?? {})
  const overloads = cache.functions.get(name) ?? []
  const keys = Object.keys(args ?? {})
  const named =
    args === null
      ? []
      : overloads.filter(
          (fn) =>
            keys.every((key) => fn.args.some((arg) => arg.name === key)) &&
            fn.args.every((arg) => arg.hasDefault || keys.includes(arg.name)),
        )
  if (args && named.length === 1) return { fn: named[0], args, text }
  if (args && named.length > 1) {
    const exact = named.filter((fn) => fn.args.length === keys.length)
    if (exact.length === 1) return { fn: exact[0], args, text }
    throw new RestError(
      300,
      'PGRST203',
      `Could not choose the best candidate function between: ${named.map((fn) => signature(fn)).join(', ')}`,
      null,
      'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
    )
  }
  const single = overloads.find(
    (fn) => fn.args.length === 1 && fn.args[0].name === '' && JSON_TYPES.has(fn.args[0].type),
  )
  if (single && body) return { fn: single, single: true, text }
  throw notFound(cache, name, keys)
}

function signature(fn: PgFunction): string {
  return `${EXPOSED_SCHEMA}.${fn.name}(${fn.args.map((arg) => `${arg.name} => ${arg.type}`).join(', ')})`
}

function notFound(cache: SchemaCache, name: string, keys: string[]): RestError {
  const sorted = [...keys].sort()
  const qualified = `${EXPOSED_SCHEMA}.${name}`
  const message = sorted.length
    ? `Could not find the function ${qualified}(${sorted.join(', ')}) in the schema cache`
    : `Could not find the function ${qualified} without parameters in the schema cache`
  const searched = sorted.length
    ? `with parameter${sorted.length > 1 ? 's' : ''} ${sorted.join(', ')}`
    : 'without parameters'
  const details = `Searched for the function ${qualified} ${searched} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`
  const same = cache.functions.get(name)?.[0]
  const suggestion = same
    ? `${qualified}(${same.args.map((arg) => arg.name).join(', ')})`
    : (() => {
        const other = closest(name, [...cache.functions.keys()])
        return other ? `${EXPOSED_SCHEMA}.${other}` : null
      })()
  return new RestError(
    404,
    'PGRST202',
    message,
    details,
    suggestion ? `Perhaps you meant to call the function ${suggestion}` : null,
  )
}

/**
 * The call runs once, in a CTE (`_src`); filters, order, paging and the count read from it.
 * Arguments travel as one JSON bind parameter turned into typed values by `json_to_record`,
 * with the types the catalog gave for the parameters.
 */
export function planRpc(
  cache: SchemaCache,
  call: RpcCall,
  parsed: ParsedQuery,
  render: RenderOptions,
): Plan & { isVoid: boolean } {
  const { fn } = call
  const { returns } = fn
  const builder = new SqlBuilder(cache, parsed.levels)
  const callee = `${q(EXPOSED_SCHEMA)}.${q(fn.name)}`
  // A scalar result's column is named after the function, as PostgREST names it.
  const scalarName = q(fn.name)
  const result = returns.kind === 'scalar' ? `_f(${scalarName})` : '_f'
  let from: string
  if ('single' in call) {
    from = `${callee}(${builder.param(call.text)}::${fn.args[0].type}) as ${result}`
  } else {
    const given = fn.args.filter((arg) => arg.name in call.args)
    if (given.length === 0) from = `${callee}() as ${result}`
    else {
      const record = given.map((arg) => `${q(arg.name)} ${arg.type}`).join(', ')
      const passed = given.map((arg) => `${q(arg.name)} => _a.${q(arg.name)}`).join(', ')
      const args = `json_to_record(${builder.param(call.text)}::json) as _a(${record})`
      from = `${args} cross join lateral ${callee}(${passed}) as ${result}`
    }
  }
  const ctes = [`_src as (select _f.* from ${from})`]

  if (returns.kind === 'void') {
    const sql = `with ${ctes[0]} select null::text as body, (select count(*) from _src)::int as page_count`
    return { isVoid: true, offset: 0, run: (tx) => runStatement(tx, sql, builder.params) }
  }
  const columns =
    returns.kind === 'row'
      ? returns.columns
      : [{ name: fn.name, type: returns.type, nullable: true, hasDefault: false }]
  const relation =
    returns.kind === 'row' && returns.relation ? cache.relations.get(returns.relation) : undefined
  const source: Source = {
    name: relation?.name ?? fn.name,
    columns,
    columnsByName: new Map(columns.map((column) => [column.name, column])),
    from: (alias) => `_src as ${alias}`,
    embeddable: relation !== undefined,
    rowOf: relation ? rowsOf(relation) : undefined,
  }
  // One value (scalar) or one row (composite) is never wrapped in an array.
  const mode = fn.returnsSet || render.mode !== 'array' ? render.mode : 'object'
  const scalarColumn = returns.kind === 'scalar' ? scalarName : undefined
  return {
    isVoid: false,
    ...planRead(cache, source, parsed, { ...render, mode }, { ctes, builder, scalarColumn }),
  }
}
