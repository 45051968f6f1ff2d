/**
 * What fetch rejects with when no answer came back (offline, blocked, DNS, a dropped
 * connection), by engine: Chromium, Firefox, Safari, and Node's undici (tests). Any other
 * TypeError is a bug in our code, not the network, and must not read as "Check your connection".
 */
const FETCH_FAILURE =
  /^(Failed to fetch|NetworkError when attempting to fetch resource\.|Load failed|fetch failed)/

/**
 * Whether a request failed before any answer came back. Our own fetches throw the TypeError
 * itself; postgrest-js does not throw but hands back an error object whose message is the fetch
 * error's name and message ("TypeError: Failed to fetch") and whose code is empty; auth-js throws
 * an AuthRetryableFetchError carrying the fetch error's message with status 0.
 */
export function isNetworkError(error: unknown): boolean {
  if (error instanceof TypeError) return FETCH_FAILURE.test(error.message)
  if (typeof error !== 'object' || error === null) return false
  const { name, message, code, status } = error as {
    name?: unknown
    message?: unknown
    code?: unknown
    status?: unknown
  }
  if (typeof message !== 'string') return false
  if (name === 'AuthRetryableFetchError') return status === 0 && FETCH_FAILURE.test(message)
  const wrapped = /^(TypeError|FetchError): (.*)$/s.exec(message)
  return (code === '' || code === undefined) && wrapped !== null && FETCH_FAILURE.test(wrapped[2])
}
