export function MarketPage() {
  return <h1 className="text-2xl font-semibold">Market</h1>
}
