/** Placeholder so the router type-checks; the portfolio feature's owner replaces this file. */
export function PortfolioPage() {
  return <h1 className="text-2xl font-semibold">Portfolio</h1>
}
