import { RestError, unknownTable } from './errors.ts'
import { negotiate } from './negotiate.ts'
import { parseQuery } from './parse-query.ts'
import { planRead, type Plan, type RenderOptions } from './plan.ts'
import { parsePrefer } from './prefer.ts'
import {
  applied,
  checkProfile,
  decodeName,
  parseRange,
  readAnswer,
  readBody,
  type Prepared,
} from './request.ts'
import { checkSingle, contentRange } from './respond.ts'
import { openApiRoot, prepareRpc } from './route-rpc.ts'
import type { SchemaCache } from './schema-cache.ts'
import { relationSource } from './sql-builder.ts'
import type { RestSettings } from './settings.ts'
import { closest } from './suggest.ts'
import { planDelete, planInsert, planUpdate } from './write.ts'

/** Routes a request to its plan: table read, insert/upsert, update, delete, or RPC. */
export async function prepare(
  request: Request,
  url: URL,
  cache: SchemaCache,
  settings: RestSettings,
): Promise<Prepared> {
  checkProfile(request)
  const path = url.pathname.replace(/^.*?\/rest\/v1/, '')
  const segments = path.split('/').filter(Boolean).map(decodeName)
  const prefs = parsePrefer(request.headers)
  const accepted = negotiate(request.headers.get('accept'))
  const render: RenderOptions = {
    mode: accepted.mode,
    stripNulls: accepted.stripNulls,
    count: prefs.count !== undefined,
    range: parseRange(request.headers.get('range')),
    maxRows: settings.maxRows,
  }
  const location = `/${segments.join('/')}${url.search}`

  if (segments.length === 2 && segments[0] === 'rpc')
    return prepareRpc(request, url, cache, segments[1], prefs, accepted, render)
  if (segments.length !== 1) {
    if (segments.length === 0) return openApiRoot(cache)
    throw new RestError(404, 'PGRST125', `Invalid path specified in request URL`)
  }
  const relation = cache.relations.get(segments[0])
  if (!relation) throw unknownTable(segments[0], closest(segments[0], [...cache.relations.keys()]))
  const method = request.method

  if (method === 'GET' || method === 'HEAD') {
    const plan = planRead(cache, relationSource(relation), parseQuery(url.searchParams), render)
    return {
      plan,
      readOnly: true,
      finish: (outcome) =>
        readAnswer(outcome, { offset: plan.offset, accepted, prefs, location, ranged: true }),
    }
  }
  if (method !== 'POST' && method !== 'PATCH' && method !== 'DELETE') {
    throw new RestError(405, 'PGRST117', `Unsupported HTTP method: ${method}`)
  }
  const parsed = parseQuery(url.searchParams)
  const represent = prefs.return === 'representation'
  // `return=headers-only` reads back only the primary key, for the Location header.
  const headersOnly =
    prefs.return === 'headers-only' && method === 'POST' && relation.primaryKey.length > 0
  const writeParsed = headersOnly
    ? {
        ...parsed,
        select: relation.primaryKey.map((name) => ({
          type: 'field' as const,
          field: { name, path: [] },
        })),
      }
    : parsed
  const readBack = represent || headersOnly
  const writeRender = {
    ...render,
    mode: represent ? render.mode : headersOnly ? ('array' as const) : ('none' as const),
  }
  let plan: Plan
  if (method === 'POST') {
    const body = await readBody(request, false)
    plan = planInsert(cache, relation, writeParsed, body, prefs, writeRender, readBack)
  } else if (method === 'PATCH') {
    plan = planUpdate(
      cache,
      relation,
      parsed,
      await readBody(request, false),
      writeRender,
      readBack,
    )
  } else plan = planDelete(cache, relation, parsed, writeRender, readBack)

  return {
    plan,
    readOnly: false,
    finish: (outcome) => {
      if (accepted.single) checkSingle(outcome)
      if (
        prefs.handling === 'strict' &&
        prefs.maxAffected !== undefined &&
        outcome.rows > prefs.maxAffected
      ) {
        throw new RestError(
          400,
          'PGRST124',
          'Query result exceeds max-affected preference constraint',
          `The query affects ${outcome.rows} rows`,
        )
      }
      const range =
        method === 'POST'
          ? contentRange(1, 0, outcome.total)
          : contentRange(0, outcome.rows, outcome.total)
      const headers: Record<string, string> = {
        'content-range': range,
        ...applied(prefs, [
          'return',
          'count',
          'resolution',
          'missing',
          'handling',
          'maxAffected',
          'tx',
        ]),
      }
      if (represent) headers['content-type'] = accepted.contentType
      if (headersOnly && outcome.rows === 1 && outcome.body) {
        const [row] = JSON.parse(outcome.body) as Record<string, unknown>[]
        const keys = relation.primaryKey.map(
          (name) => `${encodeURIComponent(name)}=eq.${encodeURIComponent(String(row[name]))}`,
        )
        headers.location = `/${encodeURIComponent(relation.name)}?${keys.join('&')}`
      }
      const status = method === 'POST' ? 201 : represent ? 200 : 204
      return { status, headers, body: represent ? outcome.body : null }
    },
  }
}
