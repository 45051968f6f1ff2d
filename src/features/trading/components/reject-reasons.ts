import { rejectReasons } from '@/lib/reject-reasons'

type ServerError = { message?: string; hint?: string | null; code?: string }

/** The engine refused the order (SQLSTATE P0001): the same order would be refused again. */
export function isRejection(error: unknown): boolean {
  return (error as ServerError | null)?.code === 'P0001'
}

/**
 * The reason to show for a failed RPC. The engine's own sentence when it refused the order (it
 * says by how much, e.g. "this order costs $100,035.90 and you have $100,000.00 available"),
 * else the reason's plain words.
 */
export function describeRejection(error: unknown): string {
  const e = (error ?? {}) as ServerError
  if (isRejection(e) && e.message) return e.message
  const plain = e.hint ? rejectReasons[e.hint] : undefined
  if (plain) return plain
  // No answer at all: the request may or may not have reached the server (placeOrder looks the
  // order up by its key when it can). The same order never trades twice, so a retry is safe.
  if (e.message?.includes('Failed to fetch') || e.message?.includes('NetworkError'))
    return 'No answer from the server: the connection failed. Try again; the same order is never placed twice.'
  return e.message ? `The order was not placed: ${e.message}` : 'The order was not placed.'
}
