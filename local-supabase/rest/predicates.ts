import { FTS_FUNCTIONS, SIMPLE_OPERATORS, type Predicate } from './parse-filter.ts'

/** One filter as SQL; values only through `param`, which returns their `$n`. */
export function predicateSql(
  expr: string,
  type: string,
  predicate: Predicate,
  param: (value: unknown) => string,
): string {
  switch (predicate.op) {
    case 'in':
      if (predicate.values.length === 0) return 'false'
      return `${expr} in (${predicate.values.map((value) => param(value)).join(', ')})`
    case 'is': {
      const words: Record<string, string> = {
        null: 'null',
        not_null: 'not null',
        true: 'true',
        false: 'false',
        unknown: 'unknown',
      }
      return `${expr} is ${words[predicate.value]}`
    }
    case 'fts':
    case 'plfts':
    case 'phfts':
    case 'wfts': {
      const config = predicate.config ? `${param(predicate.config)}::regconfig, ` : ''
      const vector = type === 'tsvector' ? expr : `to_tsvector(${config}${expr})`
      return `${vector} @@ ${FTS_FUNCTIONS[predicate.op]}(${config}${param(predicate.value)})`
    }
    default: {
      const op = SIMPLE_OPERATORS[predicate.op]
      const pattern = predicate.op === 'like' || predicate.op === 'ilike'
      const value = pattern ? predicate.value.replaceAll('*', '%') : predicate.value
      if (predicate.quantifier) {
        return `${expr} ${op} ${predicate.quantifier}(${param(value)})`
      }
      return `${expr} ${op} ${param(value)}`
    }
  }
}
