import { parseError } from './errors.ts'

/** A field reference: `col`, `col->a->>b`, `col->0`. */
export interface Field {
  name: string
  path: JsonStep[]
}

export interface JsonStep {
  arrow: '->' | '->>'
  key: string
}

const NAME_CHAR = /[\p{L}\p{N}_ $]/u

/**
 * A cursor over one query-string value. PostgREST's grammar (select, filters, order, logic
 * trees) is small enough that a hand-written scanner gives precise errors without a parser
 * library; every production here only accepts characters it knows.
 */
export class Scanner {
  pos = 0
  readonly text: string
  readonly what: string

  constructor(text: string, what: string) {
    this.text = text
    this.what = what
  }

  get done(): boolean {
    return this.pos >= this.text.length
  }

  peek(n = 1): string {
    return this.text.slice(this.pos, this.pos + n)
  }

  eat(literal: string): boolean {
    if (this.text.startsWith(literal, this.pos)) {
      this.pos += literal.length
      return true
    }
    return false
  }

  expect(literal: string): void {
    if (!this.eat(literal)) this.fail(`"${literal}"`)
  }

  fail(expected: string): never {
    const found = this.done ? 'end of input' : `"${this.text[this.pos]}"`
    throw parseError(
      `failed to parse ${this.what} (${this.text})`,
      `unexpected ${found} at position ${this.pos + 1}, expecting ${expected}`,
    )
  }

  /** An identifier: letters, digits, `_`, `$`, space, inner `-` (not `->`), or "quoted". */
  name(): string {
    if (this.eat('"')) {
      const end = this.text.indexOf('"', this.pos)
      if (end < 0) this.fail('closing quote')
      const value = this.text.slice(this.pos, end)
      this.pos = end + 1
      if (value === '') this.fail('a name')
      return value
    }
    const start = this.pos
    while (!this.done) {
      const c = this.text[this.pos]
      if (NAME_CHAR.test(c)) this.pos++
      else if (c === '-' && this.text[this.pos + 1] !== '>' && this.pos > start) this.pos++
      else break
    }
    if (this.pos === start) this.fail('a name')
    return this.text.slice(start, this.pos)
  }

  /** `name` followed by any number of `->key` / `->>key` steps. */
  field(): Field {
    const name = this.name()
    const path: JsonStep[] = []
    for (;;) {
      const arrow = this.eat('->>') ? '->>' : this.eat('->') ? '->' : null
      if (!arrow) break
      const negative = this.eat('-')
      const key = this.name()
      path.push({ arrow, key: negative ? `-${key}` : key })
    }
    return { name, path }
  }
}
