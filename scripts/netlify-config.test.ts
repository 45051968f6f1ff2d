import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { parse } from 'smol-toml'
import { ANALYTICS_ENDPOINT, SENTRY_TUNNEL } from '../src/lib/same-origin-endpoints.ts'
import { THEME_STORAGE_KEY } from '../src/lib/theme.ts'
import {
  fillNetlifyConfig,
  SENTRY_PLACEHOLDER,
  SUPABASE_PLACEHOLDER,
  sentryEnvelopeUrl,
  supabaseHost,
} from './netlify-config.ts'

type Redirect = { from: string; to: string; status: number; force?: boolean }
type NetlifyToml = {
  redirects: Redirect[]
  headers: { for: string; values: Record<string, string> }[]
}

const toml = readFileSync('netlify.toml', 'utf8')
const SUPABASE_URL = 'https://abcd.supabase.co'
const DSN = 'https://public123@o42.ingest.sentry.io/4500'

function filled(env: { VITE_SENTRY_DSN?: string } = {}): NetlifyToml {
  return parse(fillNetlifyConfig(toml, { VITE_SUPABASE_URL: SUPABASE_URL, ...env })) as NetlifyToml
}

function csp(config: NetlifyToml): string {
  return config.headers.find((h) => h.for === '/*')?.values['Content-Security-Policy'] ?? ''
}

describe('netlify.toml', () => {
  it('allows only self and the configured Supabase origin over https and wss', () => {
    const filled = fillNetlifyConfig(toml, { VITE_SUPABASE_URL: SUPABASE_URL })
    const connect = csp(parse(filled) as NetlifyToml)
      .split(';')
      .find((d) => d.trim().startsWith('connect-src'))
    expect(connect?.trim()).toBe(
      "connect-src 'self' https://abcd.supabase.co wss://abcd.supabase.co",
    )
    expect(filled).not.toContain(SUPABASE_PLACEHOLDER)
    expect(csp(parse(filled) as NetlifyToml)).toContain("frame-ancestors 'none'")
    // the app shows no third-party images (avatars are not rendered)
    expect(csp(parse(filled) as NetlifyToml)).toContain("img-src 'self' data:;")
  })

  it('refuses a missing, malformed or plain-http Supabase URL', () => {
    expect(() => supabaseHost(undefined)).toThrow(/VITE_SUPABASE_URL is not set/)
    expect(() => supabaseHost('not a url')).toThrow(/not a URL/)
    expect(() => supabaseHost('http://abcd.supabase.co')).toThrow(/https/)
  })

  it('proxies analytics through the same origin, before the SPA fallback', () => {
    const { redirects } = filled()
    const analytics = redirects.findIndex((r) => r.from === ANALYTICS_ENDPOINT)
    const fallback = redirects.findIndex((r) => r.from === '/*')
    expect(redirects[analytics]).toMatchObject({
      to: 'https://plausible.io/api/event',
      status: 200,
      force: true,
    })
    expect(analytics).toBeLessThan(fallback)
    expect(redirects[fallback]).toMatchObject({ to: '/index.html', status: 200 })
  })

  it('adds the Sentry tunnel only when a DSN is set', () => {
    const without = fillNetlifyConfig(toml, { VITE_SUPABASE_URL: SUPABASE_URL })
    expect(without).not.toContain(SENTRY_PLACEHOLDER)
    expect((parse(without) as NetlifyToml).redirects.map((r) => r.from)).not.toContain(
      SENTRY_TUNNEL,
    )

    const { redirects } = filled({ VITE_SENTRY_DSN: DSN })
    const tunnel = redirects.findIndex((r) => r.from === SENTRY_TUNNEL)
    expect(redirects[tunnel]).toEqual({
      from: SENTRY_TUNNEL,
      to: 'https://o42.ingest.sentry.io/api/4500/envelope/',
      status: 200,
      force: true,
    })
    expect(tunnel).toBeLessThan(redirects.findIndex((r) => r.from === '/*'))
  })

  it('refuses a DSN that is not a Sentry DSN', () => {
    expect(() => sentryEnvelopeUrl('nope')).toThrow(/not a URL/)
    expect(() => sentryEnvelopeUrl('https://o42.ingest.sentry.io/4500')).toThrow(/<key>@/)
    expect(() => sentryEnvelopeUrl('http://k@o42.ingest.sentry.io/4500')).toThrow(/<key>@/)
  })

  it('sends the security headers and caches hashed assets forever', () => {
    for (const header of [
      'X-Frame-Options = "DENY"',
      'X-Content-Type-Options = "nosniff"',
      'Referrer-Policy',
      'Strict-Transport-Security',
      'Permissions-Policy',
    ]) {
      expect(toml).toContain(header)
    }
    expect(toml).toMatch(/for = "\/assets\/\*"[\s\S]*immutable/)
  })

  it("allows index.html's inline theme script by its hash, here and in the Docker nginx config", () => {
    const scripts = [...readFileSync('index.html', 'utf8').matchAll(/<script>(.*?)<\/script>/gs)]
    expect(scripts).toHaveLength(1)
    const inline = scripts[0][1]
    expect(inline).toContain(`'${THEME_STORAGE_KEY}'`)
    const source = `'sha256-${createHash('sha256').update(inline).digest('base64')}'`
    expect(csp(filled())).toContain(`script-src 'self' ${source};`)
    const nginx = readFileSync('docker/default.conf.template', 'utf8')
    const nginxPolicies = [...nginx.matchAll(/Content-Security-Policy "([^"]+)"/g)]
    expect(nginxPolicies.length).toBeGreaterThan(0)
    for (const [, policy] of nginxPolicies) expect(policy).toContain(`script-src 'self' ${source};`)
  })
})
