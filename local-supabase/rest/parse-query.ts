import { parseError } from './errors.ts'
import {
  hasOperator,
  parseLogic,
  parseOrder,
  parsePredicateText,
  type Condition,
  type OrderTerm,
} from './parse-filter.ts'
import { parseSelect, type SelectItem } from './parse-select.ts'
import { Scanner } from './scanner.ts'

/** Filters and paging for one level of the result: the top (path []) or an embed. */
export interface Level {
  conditions: Condition[]
  order?: OrderTerm[]
  limit?: number
  offset?: number
}

export interface ParsedQuery {
  select: SelectItem[]
  levels: Map<string, Level>
  columns?: string[]
  onConflict?: string[]
  /** For `GET /rpc/<fn>`: the function's arguments. */
  args: Map<string, string>
}

export function levelKey(path: string[]): string {
  return JSON.stringify(path)
}

function level(levels: Map<string, Level>, path: string[]): Level {
  const key = levelKey(path)
  let found = levels.get(key)
  if (!found) {
    found = { conditions: [] }
    levels.set(key, found)
  }
  return found
}

function nonNegative(value: string, name: string): number {
  if (!/^\d{1,15}$/.test(value)) {
    throw parseError(
      `failed to parse ${name} parameter (${value})`,
      'expecting a non-negative integer',
    )
  }
  return Number(value)
}

function nameList(value: string, what: string): string[] {
  const s = new Scanner(value, what)
  const names: string[] = []
  do {
    names.push(s.name())
  } while (s.eat(','))
  if (!s.done) s.fail('"," or end of input')
  return names
}

/** Query parameters that are never a function argument on `GET /rpc/<fn>`. */
const RESERVED = new Set(['order', 'limit', 'offset', 'or', 'and'])

/**
 * Splits a PostgREST query string into the select tree, per-level filters/order/paging,
 * `columns`, `on_conflict` and (for `GET /rpc/<fn>`, given `argNames`) the function's
 * arguments. Names are only parsed here; they are checked against the schema cache when the
 * SQL is built.
 */
export function parseQuery(params: URLSearchParams, argNames?: Set<string>): ParsedQuery {
  const parsed: ParsedQuery = { select: [{ type: 'star' }], levels: new Map(), args: new Map() }
  level(parsed.levels, [])
  for (const [key, value] of params) {
    if (key === 'select') parsed.select = parseSelect(value)
    else if (key === 'columns') parsed.columns = nameList(value, 'columns parameter')
    else if (key === 'on_conflict') parsed.onConflict = nameList(value, 'on_conflict parameter')
    else if (argNames && isArgument(key, value, argNames)) parsed.args.set(key, value)
    else addParam(parsed.levels, key, value)
  }
  return parsed
}

/**
 * As PostgREST: a parameter without an operator is an argument even when the function has
 * none by that name, so the call fails as PGRST202 naming it rather than as a bad filter.
 */
function isArgument(key: string, value: string, argNames: Set<string>): boolean {
  if (argNames.has(key)) return true
  return !RESERVED.has(key) && !key.includes('.') && !hasOperator(value)
}

function addParam(levels: Map<string, Level>, key: string, value: string): void {
  const s = new Scanner(key, 'query parameter name')
  const parts = [s.field()]
  while (s.eat('.')) parts.push(s.field())
  if (!s.done) s.fail('"." or end of input')
  const last = parts[parts.length - 1]
  const word = last.path.length === 0 ? last.name : null
  let pathParts = parts.slice(0, -1)

  let negate = false
  if ((word === 'or' || word === 'and') && pathParts.at(-1)?.name === 'not') {
    negate = true
    pathParts = pathParts.slice(0, -1)
  }
  if (pathParts.some((part) => part.path.length > 0)) s.fail('a relation name')
  const target = level(
    levels,
    pathParts.map((part) => part.name),
  )

  if (word === 'or' || word === 'and') target.conditions.push(parseLogic(word, negate, value))
  else if (word === 'order') target.order = parseOrder(value)
  else if (word === 'limit') target.limit = nonNegative(value, 'limit')
  else if (word === 'offset') target.offset = nonNegative(value, 'offset')
  else {
    const { negate: not, predicate } = parsePredicateText(value, key)
    target.conditions.push({ type: 'filter', field: last, negate: not, predicate })
  }
}
