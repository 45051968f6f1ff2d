import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js'
import type { Database } from './database.types'
import type { ChannelStatus, MarketTransport, TickPayload } from './price-store'

export const MARKET_CHANNEL = 'market'
export const TICK_EVENT = 'tick'
/** How long to wait before trying again to load the client for the broadcast. */
export const RESUBSCRIBE_AFTER_MS = 5_000

/**
 * The price store's link to Supabase: the `market` broadcast and the `stocks` table. The client
 * is loaded on first use (see load-supabase.ts), so the market page paints before supabase-js.
 */
export function createSupabaseMarketTransport(
  loadClient: () => Promise<SupabaseClient<Database>>,
): MarketTransport {
  let client: SupabaseClient<Database> | null = null
  let channel: RealtimeChannel | null = null
  return {
    subscribe({ onTick, onStatus }) {
      let closed = false
      let current: RealtimeChannel | null = null
      let retry: ReturnType<typeof setTimeout> | undefined
      const join = () =>
        loadClient().then(
          (loaded) => {
            client = loaded
            if (closed) return
            current = channel = loaded
              .channel(MARKET_CHANNEL, { config: { private: false } })
              // the payload is checked quote by quote by the price store (public channel)
              .on('broadcast', { event: TICK_EVENT }, (message) =>
                onTick(message.payload as TickPayload),
              )
              .subscribe((status) => onStatus(status as ChannelStatus))
          },
          () => {
            // supabase-js did not load (a failed chunk request): the store polls meanwhile,
            // and the broadcast is joined once the client loads
            if (closed) return
            onStatus('CHANNEL_ERROR')
            retry = setTimeout(() => void join(), RESUBSCRIBE_AFTER_MS)
          },
        )
      void join()
      return () => {
        closed = true
        clearTimeout(retry)
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
      return data ?? []
    },
    reconnect() {
      if (client && !client.realtime.isConnected()) client.realtime.connect()
    },
    isJoined() {
      return !!client && client.realtime.isConnected() && channel?.state === 'joined'
    },
  }
}
