import type { RequestContext } from '../db/types.ts'
import type { Handler, StackOptions } from '../handler.ts'
import { requestContext } from '../jwt.ts'
import { fromDatabaseError, RestError, unknownTable } from './errors.ts'
import { negotiate, type Negotiated } from './negotiate.ts'
import { parseQuery } from './parse-query.ts'
import { planRead, type Outcome, type Plan, type RenderOptions } from './plan.ts'
import { parsePrefer, type Preferences } from './prefer.ts'
import { checkSingle, contentRange, errorResponse, rangeStatus, Rollback } from './respond.ts'
import { argumentNames, planRpc, resolveFunction } from './rpc.ts'
import { EXPOSED_SCHEMA, loadSchemaCache, type SchemaCache } from './schema-cache.ts'
import { relationSource } from './sql-builder.ts'
import { closest } from './suggest.ts'
import { planDelete, planInsert, planUpdate } from './write.ts'

export interface RestHandler {
  handler: Handler
  /** Re-reads tables, keys and functions (after migrations; also on `NOTIFY pgrst, 'reload schema'`). */
  reloadSchema(): Promise<void>
}

/** What one request will do once its plan has run: status, headers, checks. */
interface Prepared {
  plan: Plan
  readOnly: boolean
  finish(outcome: Outcome): { status: number; headers: Record<string, string>; body: string | null }
}

/**
 * `/rest/v1` with PostgREST 12's semantics for what supabase-js sends. Each request is one
 * transaction as the JWT's role with its claims set, so RLS is Postgres's own.
 */
export function createRestHandler(opts: StackOptions): RestHandler {
  let cache: Promise<SchemaCache> | null = null
  let listening = false
  const reloadSchema = async () => {
    const next = loadSchemaCache(opts.db)
    cache = next
    next.catch(() => {
      if (cache === next) cache = null
    })
    await next
    if (!listening) {
      listening = true
      await opts.db.listen('pgrst', (payload) => {
        if (payload === 'reload schema' || payload === '') void reloadSchema().catch(() => {})
      })
    }
  }
  const schema = async () => {
    if (!cache) await reloadSchema()
    return cache as Promise<SchemaCache>
  }

  const handler: Handler = async (request) => {
    let role: RequestContext['role'] = 'anon'
    try {
      const auth = await requestContext(request.headers, opts.jwtSecret)
      if (!auth.ok) {
        const expired = auth.error.kind === 'expired'
        throw new RestError(
          401,
          expired ? 'PGRST303' : 'PGRST301',
          auth.error.message,
          null,
          null,
          {
            'www-authenticate': `Bearer error="invalid_token", error_description="${expired ? 'JWT expired' : 'JWT invalid'}"`,
          },
        )
      }
      role = auth.context.role
      const url = new URL(request.url)
      const prepared = await prepare(request, url, await schema())
      const ctx: RequestContext = {
        ...auth.context,
        method: request.method,
        path: url.pathname.replace(/^.*?\/rest\/v1/, ''),
        headers: headerRecord(request.headers),
      }
      return await opts.db.asRole(
        ctx,
        async (tx) => {
          const outcome = await prepared.plan.run(tx)
          const { status, headers, body } = prepared.finish(outcome)
          const response = new Response(request.method === 'HEAD' ? null : body, {
            status,
            headers,
          })
          if (parsePrefer(request.headers).tx === 'rollback') throw new Rollback(response)
          return response
        },
        { readOnly: prepared.readOnly },
      )
    } catch (error) {
      if (error instanceof Rollback) return error.response
      const restError = fromDatabaseError(error, role)
      if (request.method === 'HEAD')
        return new Response(null, { status: restError.status, headers: restError.headers })
      return errorResponse(restError)
    }
  }
  return { handler, reloadSchema }
}

function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {}
  headers.forEach((value, key) => {
    record[key] = value
  })
  return record
}

function checkProfile(request: Request): void {
  const read = request.method === 'GET' || request.method === 'HEAD'
  const profile = request.headers.get(read ? 'accept-profile' : 'content-profile')
  if (profile && profile !== EXPOSED_SCHEMA) {
    throw new RestError(
      406,
      'PGRST106',
      `The schema must be one of the following: ${EXPOSED_SCHEMA}`,
    )
  }
}

async function readBody(request: Request, emptyIsObject: boolean): Promise<unknown> {
  const text = await request.text()
  if (text.trim() === '' && emptyIsObject) return {}
  try {
    return JSON.parse(text)
  } catch {
    throw new RestError(400, 'PGRST102', 'Empty or invalid json')
  }
}

function decodeName(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw new RestError(400, 'PGRST100', `failed to parse path segment (${segment})`)
  }
}

function parseRange(header: string | null): { offset: number; limit?: number } | undefined {
  const match = header ? /^(?:items=)?(\d+)-(\d*)$/.exec(header.trim()) : null
  if (!match) return undefined
  const offset = Number(match[1])
  return { offset, limit: match[2] ? Math.max(0, Number(match[2]) - offset + 1) : undefined }
}

function applied(prefs: Preferences, keys: (keyof Preferences)[]): Record<string, string> {
  const names: Record<string, string> = { maxAffected: 'max-affected' }
  const values = keys
    .filter((key) => prefs[key] !== undefined)
    .map((key) => `${names[key] ?? key}=${prefs[key]}`)
  return values.length ? { 'preference-applied': values.join(', ') } : {}
}

async function prepare(request: Request, url: URL, cache: SchemaCache): Promise<Prepared> {
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
      finish: (outcome) => {
        if (accepted.single) checkSingle(outcome)
        const status = rangeStatus(plan.offset, outcome)
        return {
          status,
          headers: {
            'content-type': accepted.contentType,
            'content-range': contentRange(plan.offset, outcome.rows, outcome.total),
            'content-location': location,
            ...applied(prefs, ['count']),
          },
          body: outcome.body,
        }
      },
    }
  }
  if (method !== 'POST' && method !== 'PATCH' && method !== 'DELETE') {
    throw new RestError(405, 'PGRST117', `Unsupported HTTP method: ${method}`)
  }
  const parsed = parseQuery(url.searchParams)
  const represent = prefs.return === 'representation'
  const writeRender = { ...render, mode: represent ? render.mode : ('none' as const) }
  let plan: Plan
  if (method === 'POST')
    plan = planInsert(
      cache,
      relation,
      parsed,
      await readBody(request, false),
      prefs,
      writeRender,
      represent,
    )
  else if (method === 'PATCH')
    plan = planUpdate(
      cache,
      relation,
      parsed,
      await readBody(request, false),
      writeRender,
      represent,
    )
  else plan = planDelete(cache, relation, parsed, writeRender, represent)

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
      const status = method === 'POST' ? 201 : represent ? 200 : 204
      return { status, headers, body: represent ? outcome.body : null }
    },
  }
}

async function prepareRpc(
  request: Request,
  url: URL,
  cache: SchemaCache,
  name: string,
  prefs: Preferences,
  accepted: Negotiated,
  render: RenderOptions,
): Promise<Prepared> {
  const method = request.method
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
    throw new RestError(405, 'PGRST101', 'Only GET, HEAD or POST are allowed for functions')
  }
  const read = method !== 'POST'
  const parsed = parseQuery(url.searchParams, read ? argumentNames(cache, name) : new Set())
  let call
  if (read) call = resolveFunction(cache, name, Object.fromEntries(parsed.args))
  else {
    const raw = await readBody(request, true)
    const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw)
    call = resolveFunction(cache, name, isObject ? (raw as Record<string, unknown>) : null, { raw })
  }
  const plan = planRpc(cache, call, parsed, render)
  const location = `/rpc/${name}${url.search}`
  return {
    plan,
    readOnly: read || call.fn.volatility !== 'volatile',
    finish: (outcome) => {
      if (plan.isVoid) return { status: 204, headers: {}, body: null }
      if (accepted.single) checkSingle(outcome)
      const status = call.fn.returnsSet ? rangeStatus(plan.offset, outcome) : 200
      return {
        status,
        headers: {
          'content-type': accepted.contentType,
          'content-range': contentRange(plan.offset, outcome.rows, outcome.total),
          'content-location': location,
          ...applied(prefs, ['count']),
        },
        body: outcome.body,
      }
    },
  }
}

/** `GET /rest/v1/`: a minimal OpenAPI description (PostgREST serves its full OpenAPI here). */
function openApiRoot(cache: SchemaCache): Prepared {
  const paths: Record<string, object> = {}
  for (const name of cache.relations.keys()) paths[`/${name}`] = {}
  for (const name of cache.functions.keys()) paths[`/rpc/${name}`] = {}
  const body = JSON.stringify({
    swagger: '2.0',
    info: { title: 'local-supabase REST', version: '12' },
    paths,
  })
  return {
    plan: { offset: 0, run: async () => ({ body, rows: 0 }) },
    readOnly: true,
    finish: () => ({
      status: 200,
      headers: { 'content-type': 'application/openapi+json; charset=utf-8' },
      body,
    }),
  }
}
