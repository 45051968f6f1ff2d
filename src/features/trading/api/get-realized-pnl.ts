import { supabase } from '@/lib/supabase'

/** The profit or loss a filled sell booked (its ledger row); null for a buy or if not found. */
export async function getRealizedPnl(orderId: string): Promise<number | null> {
  const { data } = await supabase
    .from('transactions')
    .select('realized_pnl')
    .eq('order_id', orderId)
    .maybeSingle()
    .throwOnError()
  return data?.realized_pnl === null || data?.realized_pnl === undefined
    ? null
    : Number(data.realized_pnl)
}
