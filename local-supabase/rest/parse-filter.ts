import { parseError } from './errors.ts'
import { Scanner, type Field } from './scanner.ts'

export const SIMPLE_OPERATORS = {
  eq: '=',
  neq: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  like: 'like',
  ilike: 'ilike',
  match: '~',
  imatch: '~*',
  cs: '@>',
  cd: '<@',
  ov: '&&',
  sl: '<<',
  sr: '>>',
  nxr: '&<',
  nxl: '&>',
  adj: '-|-',
  isdistinct: 'is distinct from',
} as const

const QUANTIFIABLE = new Set([
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'like',
  'ilike',
  'match',
  'imatch',
])
const FTS = {
  fts: 'to_tsquery',
  plfts: 'plainto_tsquery',
  phfts: 'phraseto_tsquery',
  wfts: 'websearch_to_tsquery',
} as const
const IS_VALUES = new Set(['null', 'not_null', 'true', 'false', 'unknown'])

export type FtsOperator = keyof typeof FTS
export const FTS_FUNCTIONS: Record<FtsOperator, string> = FTS

export type Predicate =
  | { op: keyof typeof SIMPLE_OPERATORS; value: string; quantifier?: 'any' | 'all' }
  | { op: 'in'; values: string[] }
  | { op: 'is'; value: string }
  | { op: FtsOperator; value: string; config?: string }

export interface Filter {
  type: 'filter'
  field: Field
  negate: boolean
  predicate: Predicate
}

export interface Logic {
  type: 'logic'
  op: 'and' | 'or'
  negate: boolean
  children: Condition[]
}

export type Condition = Filter | Logic

export interface OrderTerm {
  /** `order=rel(col)`: order parents by a column of a to-one embed. */
  relation?: string
  field: Field
  direction?: 'asc' | 'desc'
  nulls?: 'first' | 'last'
}

/**
 * Whether a query parameter's value starts with an operator (`[not.]op.`, `op(`): PostgREST's
 * test for telling a filter from a function argument on `GET /rpc/<fn>`.
 */
export function hasOperator(value: string): boolean {
  const match = /^(?:not\.)?([a-z]+)[.(]/.exec(value)
  return (
    match !== null &&
    (Object.hasOwn(SIMPLE_OPERATORS, match[1]) ||
      Object.hasOwn(FTS, match[1]) ||
      match[1] === 'in' ||
      match[1] === 'is')
  )
}

/** `[not.]op[(any|all)|(config)].value` — the value of `?col=...`. */
export function parsePredicateText(
  text: string,
  column: string,
): { negate: boolean; predicate: Predicate } {
  let rest = text
  const negate = rest.startsWith('not.')
  if (negate) rest = rest.slice(4)
  const match = /^([a-z]+)(?:\(([^)]*)\))?\.([\s\S]*)$/.exec(rest)
  if (!match) throw badOperator(text, column)
  const [, op, modifier, value] = match
  return { negate, predicate: predicate(op, modifier, value, text, column) }
}

function predicate(
  op: string,
  modifier: string | undefined,
  value: string,
  text: string,
  column: string,
): Predicate {
  if (op === 'in') {
    if (modifier !== undefined) throw badOperator(text, column)
    return { op: 'in', values: parseList(value, text) }
  }
  if (op === 'is') {
    if (modifier !== undefined || !IS_VALUES.has(value.toLowerCase())) {
      throw parseError(
        `failed to parse filter (${text})`,
        `unexpected "${value}" expecting null, not_null, true, false or unknown`,
      )
    }
    return { op: 'is', value: value.toLowerCase() }
  }
  if (op in FTS) {
    if (modifier !== undefined && !/^[\p{L}\p{N}_]+$/u.test(modifier))
      throw badOperator(text, column)
    return { op: op as FtsOperator, value, config: modifier }
  }
  if (op in SIMPLE_OPERATORS) {
    if (modifier === undefined) return { op: op as keyof typeof SIMPLE_OPERATORS, value }
    if ((modifier === 'any' || modifier === 'all') && QUANTIFIABLE.has(op)) {
      return { op: op as keyof typeof SIMPLE_OPERATORS, value, quantifier: modifier }
    }
  }
  throw badOperator(text, column)
}

function badOperator(text: string, column: string) {
  return parseError(
    `failed to parse filter (${text})`,
    `unknown or malformed operator in "${column}=${text}"`,
  )
}

/** `(a,b,"c,d")` — PostgREST's list syntax for `in`. */
function parseList(value: string, text: string): string[] {
  if (!value.startsWith('(') || !value.endsWith(')')) {
    throw parseError(
      `failed to parse filter (${text})`,
      'expecting a list in parentheses, e.g. in.(1,2,3)',
    )
  }
  const inner = value.slice(1, -1)
  if (inner === '') return []
  const s = new Scanner(inner, `filter (${text})`)
  const values: string[] = []
  do {
    values.push(s.peek() === '"' ? quoted(s) : until(s, ','))
  } while (s.eat(','))
  if (!s.done) s.fail('"," or ")"')
  return values
}

function quoted(s: Scanner): string {
  s.expect('"')
  let out = ''
  while (!s.done && s.peek() !== '"') {
    if (s.peek() === '\\' && s.pos + 1 < s.text.length) s.pos++
    out += s.text[s.pos++]
  }
  s.expect('"')
  return out
}

function until(s: Scanner, stops: string): string {
  const start = s.pos
  while (!s.done && !stops.includes(s.peek())) s.pos++
  return s.text.slice(start, s.pos)
}

/** `(a.eq.1,or(b.gt.2,not.and(c.is.null,d.in.(1,2))))` — value of `or=` / `and=`. */
export function parseLogic(op: 'and' | 'or', negate: boolean, text: string): Logic {
  const s = new Scanner(text, 'logic tree')
  const logic = logicBody(s, op, negate)
  if (!s.done) s.fail('end of input')
  return logic
}

function logicBody(s: Scanner, op: 'and' | 'or', negate: boolean): Logic {
  s.expect('(')
  const children: Condition[] = []
  do {
    children.push(logicItem(s))
  } while (s.eat(','))
  s.expect(')')
  return { type: 'logic', op, negate, children }
}

function logicItem(s: Scanner): Condition {
  const save = s.pos
  const negate = s.eat('not.')
  for (const op of ['and', 'or'] as const) {
    if (s.peek(op.length + 1) === `${op}(`) {
      s.eat(op)
      return logicBody(s, op, negate)
    }
  }
  s.pos = save
  const field = s.field()
  s.expect('.')
  const opStart = s.pos
  s.eat('not.')
  until(s, '.(')
  if (s.eat('(')) {
    until(s, ')')
    s.expect(')')
  }
  s.expect('.')
  const head = s.text.slice(opStart, s.pos)
  // A wholly quoted value may hold `,` and `)`; lists and arrays keep their own quoting.
  const value = s.peek() === '"' ? quoted(s) : logicValue(s)
  const parsed = parsePredicateText(head + value, field.name)
  return { type: 'filter', field, negate: parsed.negate, predicate: parsed.predicate }
}

/** A value inside a logic tree ends at a top-level `,` or `)`; `(...)` and `{...}` nest. */
function logicValue(s: Scanner): string {
  const start = s.pos
  let depth = 0
  while (!s.done) {
    const c = s.peek()
    if (c === '"') {
      quoted(s)
      continue
    }
    if (c === '(' || c === '{') depth++
    else if (c === ')' || c === '}') {
      if (depth === 0) break
      depth--
    } else if (c === ',' && depth === 0) break
    s.pos++
  }
  return s.text.slice(start, s.pos)
}

/** `order=col.desc.nullslast,col2->a.asc` */
export function parseOrder(text: string): OrderTerm[] {
  const s = new Scanner(text, 'order parameter')
  const terms: OrderTerm[] = []
  do {
    let term: OrderTerm = { field: s.field() }
    if (term.field.path.length === 0 && s.eat('(')) {
      term = { relation: term.field.name, field: s.field() }
      s.expect(')')
    }
    // As PostgREST: at most one direction, then at most one nulls option, then `,` or the end.
    let word = s.eat('.') ? s.name() : null
    if (word === 'asc' || word === 'desc') {
      term.direction = word
      word = s.eat('.') ? s.name() : null
    }
    if (word === 'nullsfirst') term.nulls = 'first'
    else if (word === 'nullslast') term.nulls = 'last'
    else if (word !== null) {
      s.fail(term.direction ? 'nullsfirst or nullslast' : 'asc, desc, nullsfirst or nullslast')
    }
    terms.push(term)
  } while (s.eat(','))
  if (!s.done) s.fail('"," or end of input')
  return terms
}
