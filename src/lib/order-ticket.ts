/**
 * Where the order ticket lives: the stock page, scrolled to the ticket, with the side chosen.
 * The `#order-ticket` anchor matches the link the app's alert toasts use.
 */
export function orderTicketHref(symbol: string, side: 'buy' | 'sell'): string {
  return `/stocks/${encodeURIComponent(symbol)}?side=${side}#order-ticket`
}
