// zod/mini: the env check ships in the initial bundle, and the full zod API is 10x larger.
import * as z from 'zod/mini'

/**
 * The local stack's well-known values (the same as `supabase start`). Copied rather than imported
 * because app code must never depend on local-supabase/.
 */
export const LOCAL_SUPABASE_URL = 'http://127.0.0.1:54321'
export const LOCAL_SUPABASE_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0'

const optionalString = z.pipe(
  z.optional(z.string()),
  z.transform((value) => {
    const trimmed = value?.trim()
    return trimmed ? trimmed : undefined
  }),
)

/** package.json's version, put in by vite.config.ts: the release when none is configured. */
const PACKAGE_VERSION = String(import.meta.env.PACKAGE_VERSION ?? '0.0.0')

const withDefault = (fallback: string) =>
  z.pipe(
    optionalString,
    z.transform((value) => value ?? fallback),
  )

const booleanFlag = z.pipe(
  z.optional(z.enum(['true', 'false', '1', '0', ''], { error: 'must be "true" or "false"' })),
  z.transform((value) => value === 'true' || value === '1'),
)

/** Validates the raw `import.meta.env` shape. Exported so build scripts can reuse it. */
export const envSchema = z.object({
  VITE_SUPABASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  VITE_SUPABASE_ANON_KEY: z
    .string({ error: 'is missing' })
    .check(
      z.regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, { error: 'must be a JWT (three dot-separated parts)' }),
    ),
  VITE_APP_NAME: withDefault('StockTrade'),
  VITE_APP_VERSION: withDefault(PACKAGE_VERSION),
  VITE_ENVIRONMENT: z.pipe(
    z.optional(
      z.enum(['development', 'staging', 'production', 'test', ''], {
        error: 'must be development, staging, production or test',
      }),
    ),
    z.transform((value) => (value ? value : undefined)),
  ),
  VITE_ENABLE_DEBUG: booleanFlag,
  VITE_SENTRY_DSN: z.pipe(optionalString, z.optional(z.url({ error: 'must be a URL' }))),
  VITE_ANALYTICS_ID: optionalString,
})

export type Env = z.output<typeof envSchema> & { VITE_ENVIRONMENT: string }

export class EnvError extends Error {
  readonly name = 'EnvError'
}

type RawEnv = Record<string, string | boolean | undefined>

/**
 * Parses the environment. In development a missing Supabase URL/key falls back to the local
 * stack, so `npm run dev` works with no configuration; in production both are required.
 * Throws one EnvError naming every bad variable.
 */
export function parseEnv(raw: RawEnv, isDev: boolean): Env {
  const input: Record<string, unknown> = {}
  for (const key of Object.keys(envSchema.shape)) {
    // Blank counts as unset: hosting dashboards often leave a variable defined but empty.
    const value = raw[key]
    input[key] = typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
  }
  if (isDev) {
    if (!input.VITE_SUPABASE_URL) input.VITE_SUPABASE_URL = LOCAL_SUPABASE_URL
    if (!input.VITE_SUPABASE_ANON_KEY) input.VITE_SUPABASE_ANON_KEY = LOCAL_SUPABASE_ANON_KEY
  }
  const result = envSchema.safeParse(input)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment')
      const missing = input[name] === undefined || input[name] === ''
      return `${name} ${missing ? 'is missing' : issue.message}`
    })
    throw new EnvError(`Configuration error: ${problems.join('; ')}. See .env.example.`)
  }
  return {
    ...result.data,
    VITE_ENVIRONMENT: result.data.VITE_ENVIRONMENT ?? (isDev ? 'development' : 'production'),
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

/** The app's name and release, for titles and the footer (the defaults if the env is invalid). */
export function appInfo(): { name: string; version: string } {
  const env = tryGetEnv()
  return {
    name: env?.VITE_APP_NAME ?? 'StockTrade',
    version: env?.VITE_APP_VERSION ?? PACKAGE_VERSION,
  }
}
