/**
 * The database seam every part of the local stack talks through. Two implementations:
 * PGlite (embedded, default) and node-postgres (when DATABASE_URL is set).
 *
 * Values always travel as bind parameters ($1, $2...). Identifiers are validated by the
 * caller against the catalog and quoted with `quoteIdent`.
 */
export interface QueryResult<Row = Record<string, unknown>> {
  rows: Row[]
  /** Rows touched by INSERT/UPDATE/DELETE, when the driver reports it. */
  affectedRows?: number
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>
}

/** A superuser transaction can also run multi-statement scripts (a migration file). */
export interface ScriptQueryable extends Queryable {
  exec(sql: string): Promise<void>
}

/** What a request runs as: PostgREST's per-request role and JWT claims. */
export interface RequestContext {
  role: 'anon' | 'authenticated' | 'service_role'
  claims: Record<string, unknown>
  method?: string
  path?: string
  headers?: Record<string, string>
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** Run a multi-statement script as the superuser (bootstrap, migrations). */
  exec(sql: string): Promise<void>
  /** One transaction as the superuser; rolled back if `fn` throws. */
  transaction<T>(fn: (tx: ScriptQueryable) => Promise<T>): Promise<T>
  /**
   * One transaction switched to `ctx.role` with `request.jwt.claims` (and `request.method`,
   * `request.path`, `request.headers`) set locally, exactly as PostgREST does, so RLS and
   * `auth.uid()` are Postgres's own. Rolled back if `fn` throws.
   */
  asRole<T>(
    ctx: RequestContext,
    fn: (tx: Queryable) => Promise<T>,
    options?: { readOnly?: boolean },
  ): Promise<T>
  /** LISTEN on a channel; notifications arrive after the sending transaction commits. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>
  close(): Promise<void>
}

/** Postgres error fields the REST layer maps to PostgREST's JSON and HTTP status. */
export interface PgErrorFields {
  code?: string
  message: string
  detail?: string
  hint?: string
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
