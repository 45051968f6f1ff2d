import { useMemo } from 'react'
import { useQuotes } from '@/lib/use-quote'
import type { Account } from '../api/get-account'
import type { PositionRow } from '../api/get-positions'
import { summarizeAccount, valueHolding, type HoldingValuation } from '../lib/holdings'

/**
 * Values every position at the live quotes. Re-renders on every tick, so only the summary,
 * allocation and curve use it; holding rows subscribe to their own symbol instead.
 */
export function useValuation(account: Account, positions: readonly PositionRow[]) {
  const quotes = useQuotes()
  return useMemo(() => {
    const holdings: HoldingValuation[] = positions.map((position) =>
      valueHolding(position, quotes.get(position.symbol)?.price),
    )
    const summary = summarizeAccount({
      cash: account.cash,
      startingCash: account.starting_cash,
      buyingPower: account.buying_power,
      holdings,
    })
    // The instant these values describe: the newest quote (render code may not read the clock).
    let asOf = 0
    for (const quote of quotes.values()) asOf = Math.max(asOf, quote.asOf)
    return { holdings, summary, quotes, asOf }
  }, [account, positions, quotes])
}
