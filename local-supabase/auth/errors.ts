import { json } from '../handler.ts'

/** The API version auth-js sends and the stack answers with on every response. */
export const API_VERSION = '2024-01-01'
export const API_VERSION_HEADER = 'x-supabase-api-version'

/** GoTrue's HTTPError: a status, a stable `error_code` and a human message. */
export class AuthError extends Error {
  readonly status: number
  readonly code: string
  readonly extra: Record<string, unknown>

  constructor(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
    super(message)
    this.name = 'AuthError'
    this.status = status
    this.code = code
    this.extra = extra
  }
}

/** GoTrue's OAuthError (RFC 6749 shape), always 400, e.g. an unknown grant_type. */
export class OAuthError extends Error {
  readonly error: string

  constructor(error: string, description: string) {
    super(description)
    this.name = 'OAuthError'
    this.error = error
  }
}

export const badRequest = (code: string, message: string) => new AuthError(400, code, message)
export const unprocessable = (code: string, message: string) => new AuthError(422, code, message)
export const forbidden = (code: string, message: string) => new AuthError(403, code, message)
export const notFound = (code: string, message: string) => new AuthError(404, code, message)
export const methodNotAllowed = () => new AuthError(405, 'method_not_allowed', 'Method not allowed')

/** Postgres unique_violation: another request created the same e-mail first. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
  )
}

export const MIN_PASSWORD_LENGTH = 6

export function weakPassword(): AuthError {
  return new AuthError(
    422,
    'weak_password',
    `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`,
    { weak_password: { reasons: ['length'] } },
  )
}

/**
 * GoTrue answers in the 2024-01-01 shape (`{code, message}`) only to clients that sent that
 * version; older clients get `{code: <status>, error_code, msg}`. auth-js always sends it.
 */
function speaksApiVersion(request: Request): boolean {
  const version = request.headers.get(API_VERSION_HEADER)
  return version !== null && /^\d{4}-\d{2}-\d{2}$/.test(version) && version >= API_VERSION
}

export function errorResponse(error: unknown, request: Request): Response {
  if (error instanceof OAuthError) {
    return json({ error: error.error, error_description: error.message }, 400)
  }
  const known =
    error instanceof AuthError
      ? error
      : new AuthError(
          500,
          'unexpected_failure',
          'Unexpected failure, please check server logs for more information',
        )
  if (!(error instanceof AuthError)) console.error('[auth] unexpected failure:', error)
  const body = speaksApiVersion(request)
    ? { code: known.code, message: known.message, ...known.extra }
    : { code: known.status, error_code: known.code, msg: known.message, ...known.extra }
  return json(body, known.status)
}
