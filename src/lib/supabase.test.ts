import type { MockInstance } from 'vitest'
import { supabase } from './supabase'

afterEach(() => {
  vi.restoreAllMocks()
})

/** The REST requests among the fetches made (the auth client may fetch on its own). */
function restCalls(fetchSpy: MockInstance<typeof fetch>) {
  return fetchSpy.mock.calls.filter(([input]) =>
    (input instanceof Request ? input.url : String(input)).includes('/rest/v1/'),
  )
}

// postgrest-js would retry these three more times over 7 s; the query client decides instead.
describe('the app supabase client', () => {
  it('makes one request for a read whose fetch fails, and answers with the error', async () => {
    const fetchSpy = vi
      .spyOn(globalThis, 'fetch')
      .mockRejectedValue(new TypeError('Failed to fetch'))
    const { data, error } = await supabase.from('stocks').select('symbol')
    expect(data).toBeNull()
    expect(error?.message).toMatch(/Failed to fetch/)
    expect(restCalls(fetchSpy)).toHaveLength(1)
  })

  it('makes one request for a read answered 503', async () => {
    const fetchSpy = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation(async () => new Response('{"message":"busy"}', { status: 503 }))
    const { error, status } = await supabase.rpc('get_leaderboard', {}, { get: true })
    expect(status).toBe(503)
    expect(error).not.toBeNull()
    expect(restCalls(fetchSpy)).toHaveLength(1)
  })
})
