import type { RequestContext } from '../db/types.ts'
import type { Handler, StackOptions } from '../handler.ts'
import { requestContext } from '../jwt.ts'
import { fromDatabaseError, RestError } from './errors.ts'
import { parsePrefer } from './prefer.ts'
import { headerRecord } from './request.ts'
import { errorResponse, Rollback } from './respond.ts'
import { prepare } from './route-table.ts'
import { loadSchemaCache, type SchemaCache } from './schema-cache.ts'
import { DEFAULT_REST_SETTINGS, type RestSettings } from './settings.ts'

const REQUEST_SESSION_SQL = `select set_config('search_path', '"public", "extensions"', true),
  set_config('timezone', 'UTC', true)`

export interface RestHandler {
  handler: Handler
  /** Re-reads tables, keys and functions (after migrations; also on `NOTIFY pgrst, 'reload schema'`). */
  reloadSchema(): Promise<void>
}

/**
 * `/rest/v1` with PostgREST 12's semantics for what supabase-js sends. Each request is one
 * transaction as the JWT's role with its claims set, so RLS is Postgres's own.
 */
export function createRestHandler(opts: StackOptions, overrides: RestSettings = {}): RestHandler {
  const settings = { ...DEFAULT_REST_SETTINGS, ...overrides }
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
      // PostgREST's own reload channel; without it the cache still reloads on demand.
      await opts.db
        .listen('pgrst', (payload) => {
          if (payload === 'reload schema' || payload === '') void reloadSchema().catch(() => {})
        })
        .catch(() => {
          listening = false
        })
    }
  }
  const schema = async () => {
    try {
      if (!cache) await reloadSchema()
      return await (cache as Promise<SchemaCache>)
    } catch {
      // PostgREST's answer while it cannot build its cache; supabase-js retries GETs on 503.
      throw new RestError(
        503,
        'PGRST002',
        'Could not query the database for the schema cache. Retrying.',
        null,
        null,
        {
          'retry-after': '1',
        },
      )
    }
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
      const prepared = await prepare(request, url, await schema(), settings)
      const ctx: RequestContext = {
        ...auth.context,
        method: request.method,
        path: url.pathname.replace(/^.*?\/rest\/v1/, ''),
        headers: headerRecord(request.headers),
      }
      return await opts.db.asRole(
        ctx,
        async (tx) => {
          // Supabase's PostgREST: db-schemas public, db-extra-search-path public, extensions;
          // hosted databases run in UTC, whatever the local server's default time zone.
          await tx.query(REQUEST_SESSION_SQL)
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
