import { AuthRetryableFetchError, createClient } from '@supabase/supabase-js'
import { isNetworkError } from './network-error'

let fetchRejectsWith: unknown
const client = createClient('http://localhost:1', 'anon-key', {
  auth: { persistSession: false, autoRefreshToken: false },
  global: { fetch: () => Promise.reject(fetchRejectsWith) },
})

/** The error postgrest-js hands back when its fetch rejects with `thrown`. */
async function postgrestErrorFor(thrown: unknown) {
  fetchRejectsWith = thrown
  const { error } = await client.from('stocks').select('symbol').retry(false)
  return error
}

describe('isNetworkError', () => {
  it('recognises a failed fetch as supabase-js and the browser report it', async () => {
    expect(isNetworkError(new TypeError('Failed to fetch'))).toBe(true)
    expect(isNetworkError({ message: 'TypeError: Failed to fetch', code: '', details: '' })).toBe(
      true,
    )
    expect(isNetworkError({ message: 'FetchError: fetch failed', code: '' })).toBe(true)
    expect(isNetworkError(await postgrestErrorFor(new TypeError('Failed to fetch')))).toBe(true)
    expect(isNetworkError(new AuthRetryableFetchError('Failed to fetch', 0))).toBe(true)
  })

  it('knows each browser’s words for it', () => {
    expect(isNetworkError(new TypeError('NetworkError when attempting to fetch resource.'))).toBe(
      true,
    )
    expect(isNetworkError(new TypeError('Load failed'))).toBe(true)
    expect(isNetworkError(new TypeError('fetch failed'))).toBe(true)
  })

  it('does not take a bug in our code for the network', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'price')")
    expect(isNetworkError(bug)).toBe(false)
    expect(isNetworkError(await postgrestErrorFor(bug))).toBe(false)
    expect(isNetworkError(new AuthRetryableFetchError('Service unavailable', 503))).toBe(false)
  })

  it('leaves answers from the server alone', () => {
    expect(isNetworkError({ message: 'permission denied for table orders', code: '42501' })).toBe(
      false,
    )
    expect(isNetworkError(new Error('The server said no'))).toBe(false)
    expect(isNetworkError(null)).toBe(false)
  })
})
