/**
 * Netlify cannot read environment variables inside netlify.toml, so the build fills the
 * CSP's Supabase host in place (Netlify reads [[headers]] after the build command runs).
 * Usage: VITE_SUPABASE_URL=https://xyz.supabase.co tsx scripts/netlify-csp.ts [netlify.toml]
 */
import { readFileSync, writeFileSync } from 'node:fs'

export const PLACEHOLDER = '__SUPABASE_HOST__'

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

export function fillCsp(toml: string, host: string): string {
  return toml.replaceAll(PLACEHOLDER, host)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? 'netlify.toml'
  try {
    const host = supabaseHost(process.env.VITE_SUPABASE_URL)
    writeFileSync(file, fillCsp(readFileSync(file, 'utf8'), host))
    console.log(`netlify-csp: connect-src allows https://${host} and wss://${host}`)
  } catch (error) {
    console.error(`netlify-csp: ${(error as Error).message}`)
    process.exit(1)
  }
}
