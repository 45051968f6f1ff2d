import { startAppAgainstStack, type AppAgainstStack } from '@/test/app-against-stack'
import type * as CandlesModule from './get-candles'

let app: AppAgainstStack
let getCandles: typeof CandlesModule.getCandles

beforeAll(async () => {
  app = await startAppAgainstStack()
  // Imported after the stack is up: the app's supabase client reads its URL at import time.
  ;({ getCandles } = await import('./get-candles'))
})

afterAll(async () => {
  await app?.stop()
})

describe('getCandles against the local stack', () => {
  it('checks the rows and reads numeric columns as numbers', async () => {
    // The tick writes the current 1-minute and daily candles with this close.
    await app.setPrice('AAPL', 123.45)

    const minutes = await getCandles('AAPL', '1D')
    const last = minutes.at(-1)
    expect(last).toMatchObject({ symbol: 'AAPL', interval: '1m', close: 123.45 })
    for (const key of ['open', 'high', 'low', 'close', 'volume'] as const)
      expect(typeof last?.[key]).toBe('number')

    const days = await getCandles('AAPL', '1Y')
    expect(days.length).toBeGreaterThan(0)
    expect(days.every((day) => day.interval === '1d' && typeof day.close === 'number')).toBe(true)
  })
})
