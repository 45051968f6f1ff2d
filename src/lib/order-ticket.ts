/**
 * Where the order ticket lives: the stock page, scrolled to the ticket, with the side chosen
 * when the link knows it. Shared by the watchlist and the alert toasts so both land the same way.
 */
export function orderTicketHref(symbol: string, side?: 'buy' | 'sell'): string {
  const query = side ? `?side=${side}` : ''
  return `/stocks/${encodeURIComponent(symbol)}${query}#order-ticket`
}
