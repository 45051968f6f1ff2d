/**
 * Netlify cannot read environment variables inside netlify.toml, so the build fills in place
 * (Netlify reads [[headers]] and [[redirects]] after the build command runs):
 * - the CSP's Supabase origin, from VITE_SUPABASE_URL;
 * - the Sentry tunnel, a same-origin path proxied to the DSN's envelope endpoint, when
 *   VITE_SENTRY_DSN is set (without it the tunnel redirect is left out).
 * Usage: VITE_SUPABASE_URL=https://xyz.supabase.co tsx scripts/netlify-config.ts [netlify.toml]
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { SENTRY_TUNNEL } from '../src/lib/same-origin-endpoints.ts'

export const SUPABASE_PLACEHOLDER = '__SUPABASE_HOST__'
export const SENTRY_PLACEHOLDER = '# __SENTRY_TUNNEL__'

export function supabaseHost(rawUrl: string | undefined): string {
  if (!rawUrl) throw new Error('VITE_SUPABASE_URL is not set: the CSP needs the Supabase origin.')
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    throw new Error(`VITE_SUPABASE_URL is not a URL: ${rawUrl}`)
  }
  if (url.protocol !== 'https:') {
    throw new Error(`VITE_SUPABASE_URL must use https in production, got ${url.protocol}`)
  }
  return url.host
}

/** https://<key>@<host>/<project> → Sentry's envelope endpoint for that project. */
export function sentryEnvelopeUrl(dsn: string): string {
  let url: URL
  try {
    url = new URL(dsn)
  } catch {
    throw new Error(`VITE_SENTRY_DSN is not a URL: ${dsn}`)
  }
  const project = url.pathname.replace(/^\/+|\/+$/g, '')
  if (url.protocol !== 'https:' || !url.username || !/^\d+$/.test(project)) {
    throw new Error('VITE_SENTRY_DSN must look like https://<key>@<host>/<project id>')
  }
  return `https://${url.host}/api/${project}/envelope/`
}

export function fillNetlifyConfig(
  toml: string,
  env: { VITE_SUPABASE_URL?: string; VITE_SENTRY_DSN?: string },
): string {
  const host = supabaseHost(env.VITE_SUPABASE_URL)
  const dsn = env.VITE_SENTRY_DSN?.trim()
  const tunnel = dsn
    ? [
        '[[redirects]]',
        `  from = "${SENTRY_TUNNEL}"`,
        `  to = "${sentryEnvelopeUrl(dsn)}"`,
        '  status = 200',
        '  force = true',
      ].join('\n')
    : ''
  return toml.replaceAll(SUPABASE_PLACEHOLDER, host).replace(SENTRY_PLACEHOLDER, tunnel)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? 'netlify.toml'
  try {
    writeFileSync(file, fillNetlifyConfig(readFileSync(file, 'utf8'), process.env))
    const host = supabaseHost(process.env.VITE_SUPABASE_URL)
    console.log(`netlify-config: connect-src allows https://${host} and wss://${host}`)
    if (process.env.VITE_SENTRY_DSN) console.log(`netlify-config: ${SENTRY_TUNNEL} → Sentry`)
  } catch (error) {
    console.error(`netlify-config: ${(error as Error).message}`)
    process.exit(1)
  }
}
