import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js'
import type { ChannelStatus, MarketTransport, SnapshotRow, TickPayload } from './price-store'

export const MARKET_CHANNEL = 'market'
export const TICK_EVENT = 'tick'

/** The price store's link to Supabase: the `market` broadcast and the `stocks` table. */
export function createSupabaseMarketTransport(client: SupabaseClient): MarketTransport {
  let channel: RealtimeChannel | null = null
  return {
    subscribe({ onTick, onStatus }) {
      channel = client
        .channel(MARKET_CHANNEL, { config: { private: false } })
        .on('broadcast', { event: TICK_EVENT }, (message) => onTick(message.payload as TickPayload))
        .subscribe((status) => onStatus(status as ChannelStatus))
      const current = channel
      return () => {
        channel = null
        void client.removeChannel(current)
      }
    },
    async fetchSnapshot() {
      const { data, error } = await client
        .from('stocks')
        .select('symbol, price, previous_close, day_high, day_low, volume, updated_at')
      if (error) throw error
      return (data ?? []) as SnapshotRow[]
    },
    reconnect() {
      if (!client.realtime.isConnected()) client.realtime.connect()
    },
    isJoined() {
      return client.realtime.isConnected() && channel?.state === 'joined'
    },
  }
}
