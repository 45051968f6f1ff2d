import { RestError } from './errors.ts'
import { Scanner, type Field } from './scanner.ts'

export type SelectItem =
  | { type: 'star' }
  | { type: 'field'; alias?: string; field: Field; cast?: string }
  | {
      type: 'embed'
      alias?: string
      name: string
      hint?: string
      joinType?: 'inner' | 'left'
      spread: boolean
      select: SelectItem[]
    }

/**
 * `select=` grammar: `*`, `alias:col`, `col::cast`, `col->a->>b`, `rel(...)`,
 * `alias:rel!hint!inner(...)`, `...rel(...)`. Whitespace was already stripped by the client
 * (outside quotes), as PostgREST expects.
 */
export function parseSelect(text: string): SelectItem[] {
  const scanner = new Scanner(text, 'select parameter')
  if (text === '') return [{ type: 'star' }]
  const items = itemList(scanner)
  if (!scanner.done) scanner.fail('"," or end of input')
  return items
}

function itemList(s: Scanner): SelectItem[] {
  const items: SelectItem[] = []
  do {
    items.push(item(s))
  } while (s.eat(','))
  return items
}

function item(s: Scanner): SelectItem {
  if (s.eat('*')) return { type: 'star' }
  const spread = s.eat('...')
  let alias: string | undefined
  let field = s.field()
  if (field.path.length === 0 && s.peek() === ':' && s.peek(2) !== '::') {
    s.expect(':')
    alias = field.name
    field = s.field()
  }
  if (field.path.length === 0 && AGGREGATES.has(field.name) && s.peek(2) === '()') aggregate()
  if (field.path.length === 0 && (s.peek() === '!' || s.peek() === '(')) {
    return embed(s, field.name, alias, spread)
  }
  if (s.peek() === '.' && AGGREGATES.has(s.text.slice(s.pos + 1).split('(')[0])) aggregate()
  if (spread) s.fail('"(" after a spread relation')
  let cast: string | undefined
  if (s.eat('::')) cast = s.name()
  return { type: 'field', alias, field, cast }
}

const AGGREGATES = new Set(['count', 'sum', 'avg', 'max', 'min'])

/** Supabase runs PostgREST with `db-aggregates-enabled = false`. */
function aggregate(): never {
  throw new RestError(400, 'PGRST123', 'Use of aggregate functions is not allowed')
}

function embed(s: Scanner, name: string, alias: string | undefined, spread: boolean): SelectItem {
  let hint: string | undefined
  let joinType: 'inner' | 'left' | undefined
  while (s.eat('!')) {
    const word = s.name()
    if (word === 'inner' || word === 'left') joinType = word
    else if (hint === undefined) hint = word
    else s.fail('"inner" or "left"')
  }
  s.expect('(')
  // `rel!inner()` selects nothing: the relation only filters its parent.
  const select: SelectItem[] = s.peek() === ')' ? [] : itemList(s)
  s.expect(')')
  return { type: 'embed', alias, name, hint, joinType, spread, select }
}
