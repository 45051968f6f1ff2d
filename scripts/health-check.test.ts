import { startLocalStack, type LocalStack } from '../local-supabase/testing.ts'
import { healthCheck } from './health-check.ts'

describe('health check', () => {
  let stack: LocalStack
  beforeAll(async () => {
    stack = await startLocalStack()
  })
  afterAll(async () => {
    await stack.stop()
  })

  it('passes REST, Auth and Realtime on a running stack', async () => {
    const results = await healthCheck(stack.url, stack.anonKey)
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['rest', true],
      ['auth', true],
      ['realtime', true],
    ])
    expect(results[0].detail).toMatch(/^\d+ stocks$/)
  })

  it('fails every check with a reason when the key is wrong', async () => {
    const results = await healthCheck(stack.url, 'not-a-key', { timeoutMs: 3000 })
    expect(results.find((r) => r.name === 'rest')).toMatchObject({ ok: false })
    // The gateway refuses the key before PostgREST sees it, as on hosted Supabase.
    expect(results.find((r) => r.name === 'rest')?.detail).toMatch(/Invalid API key/)
    expect(results.find((r) => r.name === 'auth')).toMatchObject({ ok: false, detail: 'HTTP 401' })
  })

  it('fails when nothing listens at the URL', async () => {
    const results = await healthCheck('http://127.0.0.1:9', stack.anonKey, { timeoutMs: 3000 })
    expect(results.every((r) => !r.ok)).toBe(true)
  })
})
