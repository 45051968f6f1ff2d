/** Placeholder so the router type-checks; the history feature's owner replaces this file. */
export function HistoryPage() {
  return <h1 className="text-2xl font-semibold">History</h1>
}
