import type { RequestContext } from '../db/types.ts'

export interface ErrorBody {
  code: string
  message: string
  details: unknown
  hint: string | null
}

/** A failure with PostgREST's JSON body and HTTP status; thrown anywhere, answered once. */
export class RestError extends Error {
  readonly status: number
  readonly body: ErrorBody
  readonly headers: Record<string, string>

  constructor(
    status: number,
    code: string,
    message: string,
    details: unknown = null,
    hint: string | null = null,
    headers: Record<string, string> = {},
  ) {
    super(message)
    this.status = status
    this.body = { code, message, details, hint }
    this.headers = headers
  }
}

export function parseError(message: string, details: string | null = null): RestError {
  return new RestError(400, 'PGRST100', message, details)
}

export function undefinedColumn(table: string, column: string): RestError {
  return new RestError(400, '42703', `column ${table}.${column} does not exist`)
}

export function unknownWriteColumn(table: string, column: string): RestError {
  return new RestError(
    400,
    'PGRST204',
    `Could not find the '${column}' column of '${table}' in the schema cache`,
  )
}

export function unknownTable(name: string, suggestion: string | null): RestError {
  return new RestError(
    404,
    'PGRST205',
    `Could not find the table 'public.${name}' in the schema cache`,
    null,
    suggestion ? `Perhaps you meant the table 'public.${suggestion}'` : null,
  )
}

interface PgLikeError {
  code?: unknown
  message?: unknown
  detail?: unknown
  hint?: unknown
}

/** PostgREST's SQLSTATE → HTTP table (docs "Errors and HTTP Status Codes"). */
export function statusForSqlState(code: string, role: RequestContext['role']): number {
  if (/^PT\d{3}$/.test(code)) return Number(code.slice(2))
  const exact: Record<string, number> = {
    '23503': 409,
    '23505': 409,
    '25006': 405,
    P0001: 400,
    '42883': 404,
    '42P01': 404,
    '42P17': 500,
    '42501': role === 'anon' ? 401 : 403,
  }
  if (code in exact) return exact[code]
  const byClass: Record<string, number> = {
    '08': 503,
    '09': 500,
    '0L': 403,
    '0P': 403,
    '25': 500,
    '28': 403,
    '2D': 500,
    '38': 500,
    '39': 500,
    '3B': 500,
    '40': 500,
    '53': 503,
    '54': 500,
    '55': 500,
    '57': 500,
    '58': 500,
    F0: 500,
    HV: 500,
    P0: 500,
    XX: 500,
  }
  return byClass[code.slice(0, 2)] ?? 400
}

export function fromDatabaseError(error: unknown, role: RequestContext['role']): RestError {
  if (error instanceof RestError) return error
  const pg = (typeof error === 'object' && error !== null ? error : {}) as PgLikeError
  if (typeof pg.code !== 'string' || !/^[0-9A-Z]{5}$/.test(pg.code)) {
    const message = error instanceof Error ? error.message : String(error)
    return new RestError(500, 'PGRST000', message)
  }
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null)
  const status = statusForSqlState(pg.code, role)
  // PostgREST asks anonymous callers to authenticate.
  const headers: Record<string, string> = status === 401 ? { 'www-authenticate': 'Bearer' } : {}
  const message = typeof pg.message === 'string' ? pg.message : ''
  return new RestError(status, pg.code, message, text(pg.detail), text(pg.hint), headers)
}
