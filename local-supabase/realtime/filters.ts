/**
 * postgres_changes filters, the PostgREST-like strings realtime-js sends: `user_id=eq.42`,
 * `id=in.(1,2,"a,b")`, `status=not.eq.open`, several ANDed with commas (what
 * RealtimePostgresFilterBuilder.build() joins). Values compare by the column's Postgres type.
 */
export type FilterOp =
  | 'eq'
  | 'neq'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'in'
  | 'is'
  | 'like'
  | 'ilike'
  | 'match'
  | 'imatch'
  | 'isdistinct'

const OPS = new Set<string>([
  'eq',
  'neq',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'is',
  'like',
  'ilike',
  'match',
  'imatch',
  'isdistinct',
])

export interface Condition {
  column: string
  op: FilterOp
  negate: boolean
  /** One value, or the list of `in`. */
  values: string[]
}

export function parseFilter(filter: string): Condition[] {
  return splitTopLevel(filter, ',').map(parseCondition)
}

function parseCondition(part: string): Condition {
  const eq = part.indexOf('=')
  if (eq <= 0) throw new Error(`invalid filter "${part}"`)
  const column = part.slice(0, eq).trim()
  let rest = part.slice(eq + 1)
  let negate = false
  if (rest.startsWith('not.')) {
    negate = true
    rest = rest.slice(4)
  }
  const dot = rest.indexOf('.')
  const op = dot < 0 ? rest : rest.slice(0, dot)
  if (!OPS.has(op)) throw new Error(`invalid filter operator "${op}"`)
  const raw = dot < 0 ? '' : rest.slice(dot + 1)
  if (op === 'in') {
    if (!raw.startsWith('(') || !raw.endsWith(')')) throw new Error(`invalid in list "${raw}"`)
    const inner = raw.slice(1, -1)
    return { column, op, negate, values: inner ? splitTopLevel(inner, ',').map(unquote) : [] }
  }
  return { column, op: op as FilterOp, negate, values: [unquote(raw)] }
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = []
  let depth = 0
  let quoted = false
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '\\') i++
      else if (c === '"') quoted = false
    } else if (c === '"') quoted = true
    else if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  parts.push(text.slice(start))
  return parts
}

function unquote(value: string): string {
  const v = value.trim()
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    return v.slice(1, -1).replace(/\\(.)/g, '$1')
  }
  return value
}

const NUMERIC = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid'])
const TEMPORAL = new Set(['date', 'timestamp', 'timestamptz', 'time', 'timetz'])

type Cell = string | number | boolean | null

/** Normalises a record value or a filter literal to something comparable for `type`. */
function cell(type: string, value: unknown): Cell {
  if (value === null || value === undefined) return null
  if (NUMERIC.has(type)) {
    const n = typeof value === 'number' ? value : Number(value)
    return Number.isNaN(n) ? String(value) : n
  }
  if (type === 'bool') {
    if (value === true || value === 't' || value === 'true') return true
    if (value === false || value === 'f' || value === 'false') return false
    return String(value)
  }
  if (TEMPORAL.has(type) && type !== 'time' && type !== 'timetz') {
    const ms = Date.parse(String(value))
    return Number.isNaN(ms) ? String(value) : ms
  }
  if (type === 'uuid') return String(value).toLowerCase()
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

function compare(a: Cell, b: Cell): number {
  if (a === b) return 0
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return String(a) < String(b) ? -1 : 1
}

function likeRegex(pattern: string, flags: string): RegExp {
  const body = pattern
    .split('')
    .map((c) =>
      c === '%' || c === '*' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('')
  return new RegExp(`^${body}$`, flags)
}

function testCondition(c: Condition, type: string, raw: unknown): boolean {
  const value = cell(type, raw)
  const literal = cell(type, c.values[0])
  switch (c.op) {
    case 'is': {
      const v = c.values[0].toLowerCase()
      if (v === 'null') return value === null
      if (v === 'true') return value === true
      if (v === 'false') return value === false
      return value === null // `is.unknown` on a boolean
    }
    case 'isdistinct':
      return c.values[0] === 'null'
        ? value !== null
        : value === null || compare(value, literal) !== 0
    case 'in':
      return value !== null && c.values.some((v) => compare(value, cell(type, v)) === 0)
  }
  if (value === null) return false
  switch (c.op) {
    case 'eq':
      return compare(value, literal) === 0
    case 'neq':
      return compare(value, literal) !== 0
    case 'lt':
      return compare(value, literal) < 0
    case 'lte':
      return compare(value, literal) <= 0
    case 'gt':
      return compare(value, literal) > 0
    case 'gte':
      return compare(value, literal) >= 0
    case 'like':
    case 'ilike':
      return likeRegex(c.values[0], c.op === 'ilike' ? 'is' : 's').test(String(value))
    case 'match':
    case 'imatch':
      try {
        return new RegExp(c.values[0], c.op === 'imatch' ? 'i' : '').test(String(value))
      } catch {
        return false
      }
  }
}

/** SQL three-valued logic: a NULL comparison fails whether or not it is negated. */
export function matchesFilter(
  conditions: Condition[],
  record: Record<string, unknown>,
  columnTypes: ReadonlyMap<string, string>,
): boolean {
  return conditions.every((c) => {
    const raw = record[c.column]
    const type = columnTypes.get(c.column) ?? 'text'
    const nullCompare =
      (raw === null || raw === undefined) && c.op !== 'is' && c.op !== 'isdistinct'
    if (nullCompare) return false
    const result = testCondition(c, type, raw)
    return c.negate ? !result : result
  })
}
