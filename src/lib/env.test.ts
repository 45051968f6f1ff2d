import { readFileSync } from 'node:fs'
import { EnvError, LOCAL_SUPABASE_ANON_KEY, LOCAL_SUPABASE_URL, parseEnv } from './env'

const hosted = {
  VITE_SUPABASE_URL: 'https://abc.supabase.co',
  VITE_SUPABASE_ANON_KEY: 'aaa.bbb.ccc',
}

describe('parseEnv', () => {
  it('defaults to the local stack in development', () => {
    const env = parseEnv({}, true)
    expect(env.VITE_SUPABASE_URL).toBe(LOCAL_SUPABASE_URL)
    expect(env.VITE_SUPABASE_ANON_KEY).toBe(LOCAL_SUPABASE_ANON_KEY)
    expect(env.VITE_ENVIRONMENT).toBe('development')
    expect(env.VITE_APP_NAME).toBe('StockTrade')
  })

  it("reports package.json's version as the release unless VITE_APP_VERSION is set", () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    expect(parseEnv({}, true).VITE_APP_VERSION).toBe(version)
    expect(parseEnv({ VITE_APP_VERSION: 'abc1234' }, true).VITE_APP_VERSION).toBe('abc1234')
  })

  it('requires the Supabase URL in production and names it', () => {
    expect(() => parseEnv({ VITE_SUPABASE_ANON_KEY: 'a.b.c' }, false)).toThrowError(
      /Configuration error: VITE_SUPABASE_URL is missing/,
    )
  })

  it('names every bad variable in one message', () => {
    let error: unknown
    try {
      parseEnv({ VITE_SUPABASE_URL: 'not a url', VITE_SUPABASE_ANON_KEY: 'nojwt' }, false)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(EnvError)
    const message = (error as Error).message
    expect(message).toContain('VITE_SUPABASE_URL must be an http(s) URL')
    expect(message).toContain('VITE_SUPABASE_ANON_KEY must be a JWT')
  })

  it('parses the optional variables', () => {
    const env = parseEnv(
      {
        ...hosted,
        VITE_ENVIRONMENT: 'staging',
        VITE_ENABLE_DEBUG: 'true',
        VITE_SENTRY_DSN: 'https://key@o1.ingest.sentry.io/1',
        VITE_ANALYTICS_ID: '',
      },
      false,
    )
    expect(env.VITE_ENVIRONMENT).toBe('staging')
    expect(env.VITE_ENABLE_DEBUG).toBe(true)
    expect(env.VITE_SENTRY_DSN).toBe('https://key@o1.ingest.sentry.io/1')
    expect(env.VITE_ANALYTICS_ID).toBeUndefined()
  })

  it('rejects a malformed flag and a malformed DSN', () => {
    expect(() => parseEnv({ ...hosted, VITE_ENABLE_DEBUG: 'yes' }, false)).toThrowError(
      /VITE_ENABLE_DEBUG must be "true" or "false"/,
    )
    expect(() => parseEnv({ ...hosted, VITE_SENTRY_DSN: 'nope' }, false)).toThrowError(
      /VITE_SENTRY_DSN must be a URL/,
    )
  })

  it('rejects a non-http Supabase URL and an unknown environment name', () => {
    expect(() =>
      parseEnv({ ...hosted, VITE_SUPABASE_URL: 'ftp://abc.supabase.co' }, false),
    ).toThrowError(/VITE_SUPABASE_URL must be an http\(s\) URL/)
    expect(() => parseEnv({ ...hosted, VITE_ENVIRONMENT: 'prod' }, false)).toThrowError(
      /VITE_ENVIRONMENT must be development, staging, production or test/,
    )
  })

  it('treats blank values as unset and trims the others', () => {
    const env = parseEnv(
      { ...hosted, VITE_APP_NAME: '  ', VITE_ENVIRONMENT: ' test ', VITE_ENABLE_DEBUG: '' },
      false,
    )
    expect(env.VITE_APP_NAME).toBe('StockTrade')
    expect(env.VITE_ENVIRONMENT).toBe('test')
    expect(env.VITE_ENABLE_DEBUG).toBe(false)
    expect(() => parseEnv({ ...hosted, VITE_SUPABASE_URL: ' ' }, false)).toThrowError(
      /VITE_SUPABASE_URL is missing/,
    )
  })

  it('defaults the environment name to production outside dev', () => {
    expect(parseEnv(hosted, false).VITE_ENVIRONMENT).toBe('production')
  })
})
