/** Placeholder so the router type-checks; the leaderboard feature's owner replaces this file. */
export function LeaderboardPage() {
  return <h1 className="text-2xl font-semibold">Leaderboard</h1>
}
