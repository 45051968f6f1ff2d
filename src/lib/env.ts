import { z } from 'zod'

/**
 * The local stack's well-known values (the same as `supabase start`). Copied rather than imported
 * because app code must never depend on local-supabase/.
 */
export const LOCAL_SUPABASE_URL = 'http://127.0.0.1:54321'
export const LOCAL_SUPABASE_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0'

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional()

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''], { error: 'must be "true" or "false"' })
  .optional()
  .transform((value) => value === 'true' || value === '1')

/** Validates the raw `import.meta.env` shape. Exported so build scripts can reuse it. */
export const envSchema = z.object({
  VITE_SUPABASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  VITE_SUPABASE_ANON_KEY: z
    .string({ error: 'is missing' })
    .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, { error: 'must be a JWT (three dot-separated parts)' }),
  VITE_APP_NAME: optionalString.transform((value) => value ?? 'StockTrade'),
  VITE_APP_VERSION: optionalString.transform((value) => value ?? '0.0.0'),
  VITE_ENVIRONMENT: z
    .enum(['development', 'staging', 'production', 'test', ''], {
      error: 'must be development, staging, production or test',
    })
    .optional()
    .transform((value) => (value ? value : undefined)),
  VITE_ENABLE_DEBUG: booleanFlag,
  VITE_SENTRY_DSN: optionalString.pipe(z.url({ error: 'must be a URL' }).optional()),
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
    const value = raw[key]
    input[key] = typeof value === 'string' ? value : undefined
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
