import { ConfigError, stackEnv } from './stack-env.ts'

describe('stackEnv', () => {
  it('defaults to port 54321, a 1 s market clock and the persisted PGlite directory', () => {
    expect(stackEnv({})).toEqual({
      port: 54321,
      tickMs: 1000,
      databaseUrl: undefined,
      dataDir: undefined,
      siteUrl: 'http://127.0.0.1:5173',
      additionalRedirectUrls: [''],
      describe: 'embedded PGlite in .local-supabase/data',
    })
  })

  it('reads every variable, with "memory" meaning an in-memory database', () => {
    const env = stackEnv({
      LOCAL_SUPABASE_PORT: '5999',
      MARKET_TICK_MS: '0',
      LOCAL_SUPABASE_DATA_DIR: 'memory',
      SITE_URL: 'https://stocktrade.example',
      ADDITIONAL_REDIRECT_URLS: 'http://a.test,http://b.test',
    })
    expect(env).toMatchObject({
      port: 5999,
      tickMs: 0,
      dataDir: null,
      siteUrl: 'https://stocktrade.example',
      additionalRedirectUrls: ['http://a.test', 'http://b.test'],
      describe: 'embedded PGlite in memory',
    })
    expect(stackEnv({ DATABASE_URL: 'postgresql://x@127.0.0.1/db' })).toMatchObject({
      databaseUrl: 'postgresql://x@127.0.0.1/db',
      describe: 'PostgreSQL from DATABASE_URL',
    })
  })

  it.each([
    ['LOCAL_SUPABASE_PORT', 'abc'],
    ['LOCAL_SUPABASE_PORT', '70000'],
    ['MARKET_TICK_MS', '-5'],
    ['MARKET_TICK_MS', 'soon'],
  ])('rejects %s=%s by name', (name, value) => {
    expect(() => stackEnv({ [name]: value })).toThrow(ConfigError)
    expect(() => stackEnv({ [name]: value })).toThrow(name)
  })
})
