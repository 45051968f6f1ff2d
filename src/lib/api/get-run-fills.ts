import * as z from 'zod/mini'
import { supabase } from '../supabase'
import { parseResponse } from './parse-response'

/** Hosted PostgREST caps a response at 1000 rows (`max_rows`), so long reads go page by page. */
const PAGE_SIZE = 1000

/** A fill of the user's, as the portfolio's curves, day changes and the stock page use it. */
export interface RunFill {
  /** When it filled, epoch ms. */
  at: number
  symbol: string
  side: 'buy' | 'sell'
  quantity: number
  price: number
  /** What it cost or brought in, as the ledger booked it. */
  amount: number
  /** A sell's gain or loss against the average cost; null for a buy. */
  realizedPnl: number | null
  cashAfter: number
}

const fillSchema = z.object({
  created_at: z.string(),
  symbol: z.string(),
  side: z.enum(['buy', 'sell']),
  quantity: z.coerce.number(),
  price: z.coerce.number(),
  amount: z.coerce.number(),
  realized_pnl: z.nullable(z.coerce.number()),
  cash_after: z.coerce.number(),
})

/** The user's fills in one run (of one symbol, if given), oldest first. */
export async function fetchRunFills(
  userId: string,
  run: number,
  symbol?: string,
): Promise<RunFill[]> {
  const fills: RunFill[] = []
  for (let from = 0; ; from += PAGE_SIZE) {
    let query = supabase
      .from('transactions')
      .select('created_at, symbol, side, quantity, price, amount, realized_pnl, cash_after')
      .eq('user_id', userId)
      .eq('run', run)
    if (symbol) query = query.eq('symbol', symbol)
    const { data } = await query
      .order('created_at', { ascending: true })
      .order('id', { ascending: true })
      .range(from, from + PAGE_SIZE - 1)
      .throwOnError()
    const rows = parseResponse(z.array(fillSchema), data ?? [], 'your fills')
    for (const row of rows) {
      fills.push({
        at: Date.parse(row.created_at),
        symbol: row.symbol,
        side: row.side,
        quantity: row.quantity,
        price: row.price,
        amount: row.amount,
        realizedPnl: row.realized_pnl,
        cashAfter: row.cash_after,
      })
    }
    if (rows.length < PAGE_SIZE) return fills
  }
}
