import { quoteIdent as q } from '../db/types.ts'
import { parseError, RestError, undefinedColumn } from './errors.ts'
import type { Condition } from './parse-filter.ts'
import { levelKey, type Level } from './parse-query.ts'
import type { SelectItem } from './parse-select.ts'
import { predicateSql } from './predicates.ts'
import { findRelationship, isToOne, type Relationship } from './relationships.ts'
import type { Field } from './scanner.ts'
import { EXPOSED_SCHEMA, type Column, type Relation, type SchemaCache } from './schema-cache.ts'

/** Something rows are read from: a table/view, a mutation's CTE or a function's result. */
export interface Source {
  name: string
  columns: Column[]
  columnsByName: Map<string, Column>
  /** The FROM item, aliased. */
  from(alias: string): string
  embeddable: boolean
  /** The table whose computed fields apply, and how to pass a row of this source to them. */
  rowOf?: { table: string; row(alias: string): string }
}

export function relationSource(relation: Relation): Source {
  return {
    name: relation.name,
    columns: relation.columns,
    columnsByName: relation.columnsByName,
    from: (alias) => `${q(EXPOSED_SCHEMA)}.${q(relation.name)} as ${alias}`,
    embeddable: true,
    rowOf: { table: relation.name, row: (alias) => alias },
  }
}

/** A source whose rows have `relation`'s columns but not its type (a CTE over it). */
export function rowsOf(relation: Relation): Source['rowOf'] {
  const type = `${q(EXPOSED_SCHEMA)}.${q(relation.name)}`
  return { table: relation.name, row: (alias) => `${alias}::${type}` }
}

/** Types `::cast` may name as SQL keywords rather than `pg_type` names. */
const TYPE_ALIASES: Record<string, string> = {
  int: 'int4',
  integer: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  real: 'float4',
  float: 'float8',
  decimal: 'numeric',
  boolean: 'bool',
  character: 'bpchar',
}

type EmbedItem = Extract<SelectItem, { type: 'embed' }>

interface Output {
  sql: string
  /** Unquoted output name (the JSON key). */
  name: string
}

/**
 * Turns a parsed request into SQL text plus bind parameters. Every identifier it emits was
 * looked up in the schema cache and quoted; every value from the request becomes `$n`.
 */
export class SqlBuilder {
  readonly params: unknown[] = []
  private aliasCount = 0
  private readonly visited = new Set<string>()
  private readonly cache: SchemaCache
  /** Replaceable: a mutation's representation must not re-apply the filters that chose its rows. */
  levels: Map<string, Level>

  constructor(cache: SchemaCache, levels: Map<string, Level>) {
    this.cache = cache
    this.levels = levels
  }

  param(value: unknown): string {
    this.params.push(value)
    return `$${this.params.length}`
  }

  alias(): string {
    return q(`_t${this.aliasCount++}`)
  }

  level(path: string[]): Level {
    const key = levelKey(path)
    this.visited.add(key)
    return this.levels.get(key) ?? { conditions: [] }
  }

  /** Every `rel.col=` / `rel.order=` must name an embed of this request (PGRST108). */
  checkLevelsUsed(): void {
    for (const key of this.levels.keys()) {
      if (this.visited.has(key) || key === levelKey([])) continue
      const path = JSON.parse(key) as string[]
      const name = path.join('.')
      throw new RestError(
        400,
        'PGRST108',
        `'${name}' is not an embedded resource in this request`,
        null,
        `Verify that '${name}' is included in the 'select' query parameter.`,
      )
    }
  }

  field(source: Source, alias: string, field: Field): { sql: string; type: string } {
    let column = source.columnsByName.get(field.name)
    let sql = `${alias}.${q(field.name)}`
    const computed = source.rowOf && this.cache.computed.get(source.rowOf.table)?.get(field.name)
    if (!column && computed && source.rowOf && computed.returns.kind === 'scalar') {
      // A computed field: `fn(row)`, as PostgREST calls functions of a table's row type.
      sql = `${q(EXPOSED_SCHEMA)}.${q(computed.name)}(${source.rowOf.row(alias)})`
      column = { name: field.name, type: computed.returns.type, nullable: true, hasDefault: false }
    }
    if (!column) throw undefinedColumn(source.name, field.name)
    for (const step of field.path) {
      const key = /^-?\d{1,9}$/.test(step.key) ? step.key : `${this.param(step.key)}::text`
      sql = `${sql} ${step.arrow} ${key}`
    }
    const type =
      field.path.length === 0 ? column.type : field.path.at(-1)?.arrow === '->>' ? 'text' : 'jsonb'
    return { sql: field.path.length ? `(${sql})` : sql, type }
  }

  castType(name: string): string {
    const lower = name.toLowerCase()
    const typname = TYPE_ALIASES[lower] ?? lower
    if (!this.cache.typeNames.has(typname)) {
      throw new RestError(400, '42704', `type "${name}" does not exist`)
    }
    return q(typname)
  }

  selectList(source: Source, alias: string, items: SelectItem[], path: string[]): string {
    return this.outputs(source, alias, items, path)
      .map((output) => `${output.sql} as ${q(output.name)}`)
      .join(', ')
  }

  private outputs(source: Source, alias: string, items: SelectItem[], path: string[]): Output[] {
    const outputs: Output[] = []
    for (const item of items) {
      if (item.type === 'star') {
        for (const column of source.columns)
          outputs.push({ sql: `${alias}.${q(column.name)}`, name: column.name })
      } else if (item.type === 'field') {
        let { sql } = this.field(source, alias, item.field)
        if (item.cast) sql = `${sql}::${this.castType(item.cast)}`
        outputs.push({ sql, name: item.alias ?? item.field.path.at(-1)?.key ?? item.field.name })
      } else if (item.select.length > 0) {
        outputs.push(...this.embed(source, alias, item, path))
      }
    }
    return outputs
  }

  private relationship(source: Source, item: EmbedItem): { rel: Relationship; target: Source } {
    if (!source.embeddable) {
      throw new RestError(
        400,
        'PGRST200',
        `Could not find a relationship between '${source.name}' and '${item.name}' in the schema cache`,
      )
    }
    const rel = findRelationship(this.cache, source.name, item.name, item.hint)
    const relation = this.cache.relations.get(rel.target)
    if (!relation)
      throw new RestError(500, 'PGRST000', `relation ${rel.target} vanished from the schema cache`)
    return { rel, target: relationSource(relation) }
  }

  private join(rel: Relationship, parent: string, child: string): string {
    const pairs = (left: string[], right: string[], la: string, ra: string) =>
      left.map((column, i) => `${la}.${q(column)} = ${ra}.${q(right[i])}`).join(' and ')
    if (rel.kind === 'many-to-one' || rel.kind === 'one-to-one-parent') {
      return pairs(rel.fk.referencedColumns, rel.fk.columns, child, parent)
    }
    if (rel.kind !== 'many-to-many')
      return pairs(rel.fk.columns, rel.fk.referencedColumns, child, parent)
    const junction = this.alias()
    return `exists (select 1 from ${q(EXPOSED_SCHEMA)}.${q(rel.junction)} as ${junction} where ${pairs(
      rel.toParent.columns,
      rel.toParent.referencedColumns,
      junction,
      parent,
    )} and ${pairs(rel.toTarget.columns, rel.toTarget.referencedColumns, junction, child)})`
  }

  /** The embed as select-list entries (one, or one per column for a `...spread`). */
  private embed(source: Source, parentAlias: string, item: EmbedItem, path: string[]): Output[] {
    const { rel, target } = this.relationship(source, item)
    const childPath = [...path, item.alias ?? item.name]
    const toOne = isToOne(rel)
    const scope = () => {
      const a = this.alias()
      const where = [
        this.join(rel, parentAlias, a),
        ...this.conditions(target, a, item.select, childPath),
      ]
      return { a, from: target.from(a), where: where.join(' and ') }
    }
    if (item.spread) {
      if (!toOne) {
        throw new RestError(
          400,
          'PGRST119',
          `A spread operation on '${item.name}' is not possible`,
          `'${source.name}' and '${item.name}' do not form a many-to-one or one-to-one relationship`,
        )
      }
      const { a, from, where } = scope()
      return this.outputs(target, a, item.select, childPath).map((output) => ({
        sql: `(select ${output.sql} from ${from} where ${where} limit 1)`,
        name: output.name,
      }))
    }
    const { a, from, where } = scope()
    const counted = toOne ? null : countOnly(item, target)
    const list = counted ? '' : this.selectList(target, a, item.select, childPath)
    const name = item.alias ?? item.name
    if (toOne) {
      return [
        {
          sql: `(select row_to_json(_e.*) from (select ${list} from ${from} where ${where} limit 1) as _e)`,
          name,
        },
      ]
    }
    const tail = `${this.orderBy(target, a, childPath, item.select)}${this.paging(childPath)}`
    const rows = counted
      ? `select json_agg(_e.*) from (select count(*) as ${q(counted)} from ${from} where ${where}) as _e`
      : `select json_agg(_e.*) from (select ${list} from ${from} where ${where}${tail}) as _e`
    return [{ sql: `coalesce((${rows}), '[]'::json)`, name }]
  }

  private embedExists(
    source: Source,
    parentAlias: string,
    item: EmbedItem,
    path: string[],
  ): string {
    const { rel, target } = this.relationship(source, item)
    const a = this.alias()
    const where = [
      this.join(rel, parentAlias, a),
      ...this.conditions(target, a, item.select, [...path, item.alias ?? item.name]),
    ]
    return `exists (select 1 from ${target.from(a)} where ${where.join(' and ')})`
  }

  /** WHERE terms for one level: its filters and its `!inner` embeds. */
  conditions(source: Source, alias: string, items: SelectItem[], path: string[]): string[] {
    const embeds = items.filter((item): item is EmbedItem => item.type === 'embed')
    const out = this.level(path).conditions.map((condition) =>
      this.condition(source, alias, embeds, path, condition),
    )
    for (const item of embeds) {
      if (item.joinType === 'inner') out.push(this.embedExists(source, alias, item, path))
    }
    return out
  }

  private condition(
    source: Source,
    alias: string,
    embeds: EmbedItem[],
    path: string[],
    condition: Condition,
  ): string {
    if (condition.type === 'logic') {
      const inner = condition.children.map((child) =>
        this.condition(source, alias, embeds, path, child),
      )
      const sql = `(${inner.join(condition.op === 'and' ? ' and ' : ' or ')})`
      return condition.negate ? `not ${sql}` : sql
    }
    const { field, predicate } = condition
    const embed = embeds.find((item) => (item.alias ?? item.name) === field.name)
    if (embed && field.path.length === 0 && !source.columnsByName.has(field.name)) {
      // `?rel=not.is.null` keeps parents that have a match (PostgREST's "null filtering on embeds").
      if (predicate.op !== 'is' || (predicate.value !== 'null' && predicate.value !== 'not_null')) {
        throw parseError(
          `failed to parse filter on embedded resource '${field.name}'`,
          'only is.null and not.is.null apply to an embedded resource',
        )
      }
      const exists = this.embedExists(source, alias, embed, path)
      const wantsMissing = (predicate.value === 'null') !== condition.negate
      return wantsMissing ? `not ${exists}` : exists
    }
    const target = this.field(source, alias, field)
    const sql = predicateSql(target.sql, target.type, predicate, (value) => this.param(value))
    return condition.negate ? `not (${sql})` : sql
  }

  orderBy(source: Source, alias: string, path: string[], items: SelectItem[]): string {
    const order = this.level(path).order
    if (!order?.length) return ''
    const terms = order.map((term) => {
      const sql = term.relation
        ? this.relatedOrder(source, alias, path, items, term.relation, term.field)
        : this.field(source, alias, term.field).sql
      return `${sql} ${term.direction ?? 'asc'}${term.nulls ? ` nulls ${term.nulls}` : ''}`
    })
    return ` order by ${terms.join(', ')}`
  }

  private relatedOrder(
    source: Source,
    alias: string,
    path: string[],
    items: SelectItem[],
    relation: string,
    field: Field,
  ): string {
    const embed = items.find(
      (item): item is EmbedItem => item.type === 'embed' && (item.alias ?? item.name) === relation,
    )
    if (!embed) {
      throw new RestError(
        400,
        'PGRST108',
        `'${relation}' is not an embedded resource in this request`,
        null,
        `Verify that '${relation}' is included in the 'select' query parameter.`,
      )
    }
    const { rel, target } = this.relationship(source, embed)
    if (!isToOne(rel)) {
      throw new RestError(
        400,
        'PGRST118',
        `A related order on '${relation}' is not possible`,
        `'${source.name}' and '${relation}' do not form a many-to-one or one-to-one relationship`,
      )
    }
    const a = this.alias()
    const where = [
      this.join(rel, alias, a),
      ...this.conditions(target, a, embed.select, [...path, relation]),
    ]
    return `(select ${this.field(target, a, field).sql} from ${target.from(a)} where ${where.join(' and ')} limit 1)`
  }

  paging(path: string[], range?: { offset: number; limit?: number }, maxRows?: number): string {
    const level = this.level(path)
    let limit = level.limit
    let offset = level.offset ?? 0
    const cap = (value: number | undefined, max: number) =>
      value === undefined ? max : Math.min(value, max)
    if (range) {
      offset = Math.max(offset, range.offset)
      if (range.limit !== undefined) limit = cap(limit, range.limit)
    }
    if (maxRows !== undefined) limit = cap(limit, maxRows)
    return `${limit !== undefined ? ` limit ${limit}` : ''}${offset ? ` offset ${offset}` : ''}`
  }
}

/**
 * `rel(count)`: PostgREST's special case, kept with aggregates disabled, that answers a to-many
 * embed as `[{"count": n}]`. Only `count` alone (or aliased), and only when the target has no
 * column of that name. The output name, or null when this is an ordinary embed.
 */
function countOnly(item: EmbedItem, target: Source): string | null {
  const [only, ...rest] = item.select
  if (rest.length > 0 || only?.type !== 'field' || only.cast) return null
  const { field } = only
  if (field.name !== 'count' || field.path.length > 0 || target.columnsByName.has('count')) {
    return null
  }
  return only.alias ?? 'count'
}
