import type { Catalog } from './catalog.ts'
import { parseFilter } from './filters.ts'
import type { PgBinding } from './hub.ts'

const EVENTS = new Set(['*', 'INSERT', 'UPDATE', 'DELETE'])
let nextBindingId = 1

export interface ResolvedBindings {
  /** The bindings that can match (invalid ones are reported, not registered). */
  bindings: PgBinding[]
  /** The join reply's `postgres_changes`: the client's bindings in order, each with an id. */
  response: Array<Record<string, unknown> & { id: number }>
  errors: string[]
}

/**
 * realtime-js checks that the reply echoes its bindings (event, schema, table, filter) in
 * the same order and keys its callbacks by the integer `id`, so every binding gets one,
 * even one that is then refused with a `system` error as supabase/realtime does.
 */
export async function resolveBindings(raw: unknown, catalog: Catalog): Promise<ResolvedBindings> {
  const result: ResolvedBindings = { bindings: [], response: [], errors: [] }
  if (!Array.isArray(raw)) return result
  for (const item of raw) {
    const spec = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>
    const id = nextBindingId++
    result.response.push({ ...spec, id })
    const error = await validate(spec, catalog)
    if (typeof error === 'string') result.errors.push(error)
    else result.bindings.push({ id, ...error })
  }
  return result
}

async function validate(
  spec: Record<string, unknown>,
  catalog: Catalog,
): Promise<string | Omit<PgBinding, 'id'>> {
  const event = typeof spec.event === 'string' ? spec.event.toUpperCase() : ''
  const schema = typeof spec.schema === 'string' && spec.schema ? spec.schema : '*'
  const table = typeof spec.table === 'string' && spec.table !== '*' ? spec.table : undefined
  const filter = typeof spec.filter === 'string' && spec.filter ? spec.filter : undefined
  // supabase/realtime's messages, parameters printed the way Elixir prints them.
  const params = (filters: string) =>
    `[event: ${String(spec.event)}, schema: ${schema}, table: ${table ?? '*'}, filters: ${filters}, select: nil]`
  const unable = `Unable to subscribe to changes with given parameters.`
  if (!EVENTS.has(event)) {
    return `${unable} Please check Realtime is enabled for the given connect parameters: ${params('[]')}`
  }
  let conditions: PgBinding['conditions'] = []
  if (filter) {
    try {
      conditions = parseFilter(filter)
      if (!table || schema === '*') throw new Error('a filter needs a schema and a table')
    } catch {
      return `Error parsing \`filter\` params: ${JSON.stringify([filter])}`
    }
  }
  if (table && schema !== '*') {
    const info = await catalog.get(schema, table)
    if (!info) {
      return `${unable} Please check Realtime is enabled for the given connect parameters: ${params('[]')}`
    }
    const unknown = conditions.find((c) => !info.types.has(c.column))
    if (unknown) {
      const filters = `[${conditions.map((c) => `{${JSON.stringify(c.column)}, ${JSON.stringify(c.op)}, ${JSON.stringify(c.values.join(','))}, ${c.negate}}`).join(', ')}]`
      return (
        `${unable} An exception happened so please check your connect parameters: ${params(filters)}. ` +
        `Exception: ERROR P0001 (raise_exception) invalid column for filter ${unknown.column}`
      )
    }
  }
  return { event, schema, table, conditions }
}
