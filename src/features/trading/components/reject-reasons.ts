/** The server's stable `hint` codes (SPEC §3) in plain words. */
export const rejectReasons: Record<string, string> = {
  insufficient_funds: 'You do not have enough buying power for this order.',
  insufficient_shares: 'You do not have enough shares to sell.',
  unknown_symbol: 'This stock is not traded here.',
  invalid_quantity: 'The quantity or dollar amount is not valid.',
  invalid_price: 'The limit or stop price is not valid.',
  invalid_order_type: 'This order type or time in force is not supported.',
  invalid_side: 'Choose buy or sell.',
  order_not_open: 'This order is no longer open.',
  not_authenticated: 'Your session has ended. Please sign in again.',
}

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
