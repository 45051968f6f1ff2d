/** Placeholder so the router type-checks; the watchlist feature's owner replaces this file. */
export function WatchlistPage() {
  return <h1 className="text-2xl font-semibold">Watchlist</h1>
}
