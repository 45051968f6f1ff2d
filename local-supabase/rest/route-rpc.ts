import type { Negotiated } from './negotiate.ts'
import { parseQuery } from './parse-query.ts'
import type { RenderOptions } from './plan.ts'
import type { Preferences } from './prefer.ts'
import { readAnswer, readBody, type Prepared } from './request.ts'
import { argumentNames, planRpc, resolveFunction } from './rpc.ts'
import { RestError } from './errors.ts'
import type { SchemaCache } from './schema-cache.ts'

export async function prepareRpc(
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
  const parsed = parseQuery(url.searchParams, read ? argumentNames(cache, name) : undefined)
  let call
  if (read) call = resolveFunction(cache, name, Object.fromEntries(parsed.args))
  else {
    const body = await readBody(request, true)
    const { value } = body
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value)
    call = resolveFunction(cache, name, isObject ? (value as Record<string, unknown>) : null, body)
  }
  const plan = planRpc(cache, call, parsed, render)
  const location = `/rpc/${name}${url.search}`
  return {
    plan,
    readOnly: read || call.fn.volatility !== 'volatile',
    finish: (outcome) =>
      plan.isVoid
        ? { status: 204, headers: {}, body: null }
        : readAnswer(outcome, {
            offset: plan.offset,
            accepted,
            prefs,
            location,
            ranged: call.fn.returnsSet,
          }),
  }
}

/** `GET /rest/v1/`: a minimal OpenAPI description (PostgREST serves its full OpenAPI here). */
export function openApiRoot(cache: SchemaCache): Prepared {
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
