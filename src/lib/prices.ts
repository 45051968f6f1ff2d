import { logger } from './logger'
import { createSupabaseMarketTransport } from './market-transport'
import { createPriceStore } from './price-store'
import { loadSupabase } from './load-supabase'

/** The app's single price store; started on first use by the hooks in use-quote.ts. */
export const priceStore = createPriceStore(createSupabaseMarketTransport(loadSupabase), {
  onError: (error) => logger.warn('price snapshot failed', { error: String(error) }),
})
