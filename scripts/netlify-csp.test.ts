import { readFileSync } from 'node:fs'
import { fillCsp, PLACEHOLDER, supabaseHost } from './netlify-csp.ts'

describe('netlify CSP', () => {
  const toml = readFileSync('netlify.toml', 'utf8')

  it('allows only self and the configured Supabase origin over https and wss', () => {
    const filled = fillCsp(toml, supabaseHost('https://abcd.supabase.co'))
    const csp = /Content-Security-Policy = "([^"]+)"/.exec(filled)?.[1] ?? ''
    const connect = csp.split(';').find((d) => d.trim().startsWith('connect-src'))
    expect(connect?.trim()).toBe(
      "connect-src 'self' https://abcd.supabase.co wss://abcd.supabase.co",
    )
    expect(filled).not.toContain(PLACEHOLDER)
    expect(csp).toContain("frame-ancestors 'none'")
  })

  it('refuses a missing, malformed or plain-http Supabase URL', () => {
    expect(() => supabaseHost(undefined)).toThrow(/VITE_SUPABASE_URL is not set/)
    expect(() => supabaseHost('not a url')).toThrow(/not a URL/)
    expect(() => supabaseHost('http://abcd.supabase.co')).toThrow(/https/)
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
    expect(toml).toMatch(/from = "\/\*"\s+to = "\/index.html"\s+status = 200/)
  })
})
