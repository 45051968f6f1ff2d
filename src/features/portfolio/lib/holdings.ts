/** A position as stored in `portfolios` (numbers already parsed). */
export interface Position {
  symbol: string
  quantity: number
  averageCost: number
  realizedPnl: number
}

export interface HoldingValuation extends Position {
  price: number
  marketValue: number
  costBasis: number
  unrealizedPnl: number
  /** Fraction (0.1 = +10 %), null when the cost basis is zero. */
  unrealizedPnlPct: number | null
}

/** Values a position at a live price; without one it is valued at cost (no P&L invented). */
export function valueHolding(position: Position, livePrice: number | undefined): HoldingValuation {
  const price = livePrice ?? position.averageCost
  const marketValue = position.quantity * price
  const costBasis = position.quantity * position.averageCost
  const unrealizedPnl = marketValue - costBasis
  return {
    ...position,
    price,
    marketValue,
    costBasis,
    unrealizedPnl,
    unrealizedPnlPct: costBasis > 0 ? unrealizedPnl / costBasis : null,
  }
}

export interface AccountSummary {
  equity: number
  cash: number
  buyingPower: number
  marketValue: number
  unrealizedPnl: number
  realizedPnl: number
  totalReturn: number
  /** Fraction of the starting cash, null when the starting cash is zero. */
  totalReturnPct: number | null
}

export function summarizeAccount(input: {
  cash: number
  startingCash: number
  /** From the server (`profiles.buying_power` = cash − cash held by resting buys). */
  buyingPower: number
  holdings: readonly HoldingValuation[]
}): AccountSummary {
  let marketValue = 0
  let unrealizedPnl = 0
  let realizedPnl = 0
  for (const holding of input.holdings) {
    marketValue += holding.marketValue
    unrealizedPnl += holding.unrealizedPnl
    realizedPnl += holding.realizedPnl
  }
  const equity = input.cash + marketValue
  const totalReturn = equity - input.startingCash
  return {
    equity,
    cash: input.cash,
    buyingPower: input.buyingPower,
    marketValue,
    unrealizedPnl,
    realizedPnl,
    totalReturn,
    totalReturnPct: input.startingCash > 0 ? totalReturn / input.startingCash : null,
  }
}

export interface AllocationSlice {
  label: string
  value: number
  /** Fraction of the total (0..1). */
  share: number
}

/** Allocation by market value, cash included, largest first; tiny slices stay visible in the legend. */
export function allocationSlices(
  holdings: readonly HoldingValuation[],
  cash: number,
): AllocationSlice[] {
  const parts = holdings
    .filter((holding) => holding.marketValue > 0)
    .map((holding) => ({ label: holding.symbol, value: holding.marketValue }))
  if (cash > 0) parts.push({ label: 'Cash', value: cash })
  const total = parts.reduce((sum, part) => sum + part.value, 0)
  if (total <= 0) return []
  return parts
    .map((part) => ({ ...part, share: part.value / total }))
    .sort((a, b) => b.value - a.value)
}
