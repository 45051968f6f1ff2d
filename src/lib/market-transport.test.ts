import type { SupabaseClient } from '@supabase/supabase-js'
import type { Database } from './database.types'
import { createSupabaseMarketTransport, RESUBSCRIBE_AFTER_MS } from './market-transport'
import type { ChannelStatus } from './price-store'

/** Just enough of a supabase-js client for the broadcast: channel().on().subscribe(). */
function fakeClient() {
  const joined: string[] = []
  const channel = {
    on: () => channel,
    subscribe: (callback: (status: string) => void) => {
      joined.push('market')
      callback('SUBSCRIBED')
      return channel
    },
  }
  const client = { channel: () => channel, removeChannel: async () => 'ok' }
  return { client: client as unknown as SupabaseClient<Database>, joined }
}

describe('supabase market transport', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('reports a client that failed to load and joins the broadcast once it loads', async () => {
    const fake = fakeClient()
    let attempts = 0
    const loadClient = async () => {
      attempts++
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module')
      return fake.client
    }
    const statuses: ChannelStatus[] = []
    const transport = createSupabaseMarketTransport(loadClient)
    const unsubscribe = transport.subscribe({
      onTick: () => {},
      onStatus: (status) => statuses.push(status),
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(statuses).toEqual(['CHANNEL_ERROR'])
    expect(fake.joined).toEqual([])

    await vi.advanceTimersByTimeAsync(RESUBSCRIBE_AFTER_MS)
    expect(statuses).toEqual(['CHANNEL_ERROR', 'SUBSCRIBED'])
    expect(fake.joined).toEqual(['market'])
    unsubscribe()
  })

  it('stops trying once unsubscribed', async () => {
    let attempts = 0
    const transport = createSupabaseMarketTransport(async () => {
      attempts++
      throw new TypeError('Failed to fetch dynamically imported module')
    })
    const unsubscribe = transport.subscribe({ onTick: () => {}, onStatus: () => {} })
    await vi.advanceTimersByTimeAsync(0)
    unsubscribe()
    await vi.advanceTimersByTimeAsync(RESUBSCRIBE_AFTER_MS * 3)
    expect(attempts).toBe(1)
  })
})
