/**
 * The market as the user last left it (its search, sector and sort, which live in the URL), so
 * that "back to the market" links from other pages return to that view rather than a fresh one.
 * Per tab and per page load, like the view itself.
 */
let lastMarketUrl = '/'

export function rememberMarketView(search: URLSearchParams) {
  const query = search.toString()
  lastMarketUrl = query ? `/?${query}` : '/'
}

export function marketUrl(): string {
  return lastMarketUrl
}
