/**
 * The local stack's well-known values (the same as `supabase start`). Copied rather than imported
 * because app code must never depend on local-supabase/.
 */
export const LOCAL_SUPABASE_URL = 'http://127.0.0.1:54321'
export const LOCAL_SUPABASE_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0'

export type Env = {
  VITE_SUPABASE_URL: string
  VITE_SUPABASE_ANON_KEY: string
  VITE_APP_NAME: string
  VITE_APP_VERSION: string
  VITE_ENVIRONMENT: string
  VITE_ENABLE_DEBUG: boolean
  VITE_SENTRY_DSN: string | undefined
  VITE_ANALYTICS_ID: string | undefined
}

export class EnvError extends Error {
  readonly name = 'EnvError'
}

type RawEnv = Record<string, string | boolean | undefined>

// Checked by hand rather than with zod: this runs before the first paint, and even zod/mini's
// core would be the largest part of the initial bundle after React.
const ENVIRONMENTS = ['development', 'staging', 'production', 'test']
const FLAGS = ['true', 'false', '1', '0']
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/

/** The trimmed value; unset, blank and non-string values are undefined. */
function read(raw: RawEnv, name: string): string | undefined {
  const value = raw[name]
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

function isUrl(value: string, protocols?: string[]): boolean {
  try {
    const url = new URL(value)
    return !protocols || protocols.includes(url.protocol)
  } catch {
    return false
  }
}

/**
 * Parses the environment. In development a missing Supabase URL/key falls back to the local
 * stack, so `npm run dev` works with no configuration; in production both are required.
 * Throws one EnvError naming every bad variable.
 */
export function parseEnv(raw: RawEnv, isDev: boolean): Env {
  const problems: string[] = []
  const required = (name: string, devFallback: string) => {
    const value = read(raw, name) ?? (isDev ? devFallback : undefined)
    if (value === undefined) problems.push(`${name} is missing`)
    return value
  }
  const check = (
    name: string,
    value: string | undefined,
    valid: (value: string) => boolean,
    message: string,
  ) => {
    if (value !== undefined && !valid(value)) problems.push(`${name} ${message}`)
  }

  const url = required('VITE_SUPABASE_URL', LOCAL_SUPABASE_URL)
  check('VITE_SUPABASE_URL', url, (v) => isUrl(v, ['http:', 'https:']), 'must be an http(s) URL')
  const anonKey = required('VITE_SUPABASE_ANON_KEY', LOCAL_SUPABASE_ANON_KEY)
  check(
    'VITE_SUPABASE_ANON_KEY',
    anonKey,
    (v) => JWT.test(v),
    'must be a JWT (three dot-separated parts)',
  )
  const environment = read(raw, 'VITE_ENVIRONMENT')
  check(
    'VITE_ENVIRONMENT',
    environment,
    (v) => ENVIRONMENTS.includes(v),
    'must be development, staging, production or test',
  )
  const debug = read(raw, 'VITE_ENABLE_DEBUG')
  check('VITE_ENABLE_DEBUG', debug, (v) => FLAGS.includes(v), 'must be "true" or "false"')
  const sentryDsn = read(raw, 'VITE_SENTRY_DSN')
  check('VITE_SENTRY_DSN', sentryDsn, (v) => isUrl(v), 'must be a URL')

  if (problems.length > 0 || url === undefined || anonKey === undefined) {
    throw new EnvError(`Configuration error: ${problems.join('; ')}. See .env.example.`)
  }
  return {
    VITE_SUPABASE_URL: url,
    VITE_SUPABASE_ANON_KEY: anonKey,
    VITE_APP_NAME: read(raw, 'VITE_APP_NAME') ?? 'StockTrade',
    VITE_APP_VERSION: read(raw, 'VITE_APP_VERSION') ?? '0.0.0',
    VITE_ENVIRONMENT: environment ?? (isDev ? 'development' : 'production'),
    VITE_ENABLE_DEBUG: debug === 'true' || debug === '1',
    VITE_SENTRY_DSN: sentryDsn,
    VITE_ANALYTICS_ID: read(raw, 'VITE_ANALYTICS_ID'),
  }
}

let cached: Env | undefined

/** The validated environment of this build; throws EnvError on a bad configuration. */
export function getEnv(): Env {
  cached ??= parseEnv(import.meta.env, import.meta.env.DEV)
  return cached
}

/**
 * The environment, or null when it is invalid. For module-level setup that must not throw at
 * import time: main.tsx calls getEnv() first and shows the configuration error instead of the app.
 */
export function tryGetEnv(): Env | null {
  try {
    return getEnv()
  } catch (error) {
    if (error instanceof EnvError) return null
    throw error
  }
}
