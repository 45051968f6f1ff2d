/**
 * The server's stable snake_case reasons (SPEC §3) in plain words. Shared because one reason
 * reaches the user three ways: the order ticket's RPC error, the toast when the market engine
 * rejects a resting order, and the history table.
 */
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
  // not in SPEC §3: an order key sent again with other details (this app makes a new key for
  // every change to the ticket, so only another client can meet it)
  client_order_id_reused:
    'This order was already placed with other details. Review it and place it again.',
}

/** The sentence for a stored `orders.reject_reason`; a reason this app does not know yet still reads as words. */
export function describeRejectReason(reason: string | null | undefined): string {
  if (!reason) return 'The order could not be filled.'
  const known = rejectReasons[reason]
  if (known) return known
  const words = reason.replaceAll('_', ' ')
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`
}
