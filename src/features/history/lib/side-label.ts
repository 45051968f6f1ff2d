export function sideLabel(side: 'buy' | 'sell'): string {
  return side === 'buy' ? 'Buy' : 'Sell'
}
