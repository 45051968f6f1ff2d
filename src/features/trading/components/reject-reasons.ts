import { rejectReasons } from '@/lib/reject-reasons'

type ServerError = { message?: string; hint?: string | null; code?: string }

/** The reason to show for a failed RPC: the plain sentence, plus the server's specifics. */
export function describeRejection(error: unknown): string {
  const e = (error ?? {}) as ServerError
  const plain = e.hint ? rejectReasons[e.hint] : undefined
  if (plain) return e.message && e.message !== plain ? `${plain} ${e.message}` : plain
  if (e.message?.includes('Failed to fetch') || e.message?.includes('NetworkError'))
    return 'The order could not be sent: you appear to be offline. It was not placed; try again.'
  return e.message ? `The order was not placed: ${e.message}` : 'The order was not placed.'
}
