import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js'
import type { ChannelStatus, MarketTransport, SnapshotRow, TickPayload } from './price-store'

export const MARKET_CHANNEL = 'market'
export const TICK_EVENT = 'tick'

/**
 * The price store's link to Supabase: the `market` broadcast and the `stocks` table. The client
 * is loaded on first use (see load-supabase.ts), so the market page paints before supabase-js.
 */
export function createSupabaseMarketTransport(
  loadClient: () => Promise<SupabaseClient>,
): MarketTransport {
  let client: SupabaseClient | null = null
  let channel: RealtimeChannel | null = null
  return {
    subscribe({ onTick, onStatus }) {
      let closed = false
      let current: RealtimeChannel | null = null
      void loadClient().then((loaded) => {
        client = loaded
        if (closed) return
        current = channel = loaded
          .channel(MARKET_CHANNEL, { config: { private: false } })
          .on('broadcast', { event: TICK_EVENT }, (message) =>
            onTick(message.payload as TickPayload),
          )
          .subscribe((status) => onStatus(status as ChannelStatus))
      })
      return () => {
        closed = true
        channel = null
        if (current) void client?.removeChannel(current)
      }
    },
    async fetchSnapshot() {
      const { data, error } = await (
        await loadClient()
      )
        .from('stocks')
        .select('symbol, price, previous_close, day_high, day_low, volume, updated_at')
      if (error) throw error
      return (data ?? []) as SnapshotRow[]
    },
    reconnect() {
      if (client && !client.realtime.isConnected()) client.realtime.connect()
    },
    isJoined() {
      return !!client && client.realtime.isConnected() && channel?.state === 'joined'
    },
  }
}
