import { startAppAgainstStack, type AppAgainstStack } from '@/test/app-against-stack'
import { buildEquityCurve } from '../lib/equity-curve'
import type * as EquityHistoryModule from './get-equity-history'

let app: AppAgainstStack
let getEquityHistory: typeof EquityHistoryModule.getEquityHistory

beforeAll(async () => {
  app = await startAppAgainstStack()
  // Imported after the stack is up: the app's supabase client reads its URL at import time.
  ;({ getEquityHistory } = await import('./get-equity-history'))
})

afterAll(async () => {
  await app?.stop()
})

async function currentRun(userId: string) {
  const { data } = await app.stack.admin
    .from('profiles')
    .select('current_run, run_started_at')
    .eq('id', userId)
    .single()
    .throwOnError()
  return data as { current_run: number; run_started_at: string }
}

describe('getEquityHistory against the local stack', () => {
  it('reads this run’s fills and 1-minute closes of the traded symbols for a young run', async () => {
    const userId = await app.signInAsGuest()
    await app.setPrice('AAPL', 100)
    await app.supabase
      .rpc('place_order', { p_symbol: 'AAPL', p_side: 'buy', p_quantity: 10 })
      .throwOnError()
    // The tick writes the current 1-minute candle (close 120) of every stock.
    await app.setPrice('AAPL', 120)
    const run = await currentRun(userId)

    const history = await getEquityHistory(userId, run.current_run, run.run_started_at)

    expect(history.resolution).toBe('1m')
    expect(history.fills).toEqual([
      expect.objectContaining({
        symbol: 'AAPL',
        side: 'buy',
        quantity: 10,
        price: 100,
        cashAfter: 99_000,
      }),
    ])
    expect(Object.keys(history.closes)).toEqual(['AAPL'])
    const [close] = history.closes.AAPL
    expect(close.close).toBe(120)
    // Stamped with the end of its minute.
    expect(close.at % 60_000).toBe(0)
    expect(close.at).toBeGreaterThan(history.fills[0].at)

    // Once that minute has closed, the curve values the 10 shares at 120.
    const curve = buildEquityCurve({
      startingCash: 100_000,
      runStart: history.runStart,
      fills: history.fills,
      closes: history.closes,
      until: close.at,
    })
    expect(curve.at(-1)).toEqual({ at: close.at, equity: 100_200 })
  })

  it('uses daily closes for a run older than a day and a half, and ignores earlier runs', async () => {
    const userId = await app.signInAsGuest()
    await app.supabase
      .rpc('place_order', { p_symbol: 'MSFT', p_side: 'buy', p_quantity: 1 })
      .throwOnError()
    await app.supabase.rpc('reset_portfolio').throwOnError()
    await app.supabase
      .rpc('place_order', { p_symbol: 'NVDA', p_side: 'buy', p_quantity: 2 })
      .throwOnError()
    const threeDaysAgo = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000).toISOString()
    await app.stack.admin
      .from('profiles')
      .update({ run_started_at: threeDaysAgo })
      .eq('id', userId)
      .throwOnError()
    const run = await currentRun(userId)

    const history = await getEquityHistory(userId, run.current_run, run.run_started_at)

    expect(history.resolution).toBe('1d')
    expect(history.fills.map((fill) => fill.symbol)).toEqual(['NVDA'])
    expect(Object.keys(history.closes)).toEqual(['NVDA'])
    const days = history.closes.NVDA.map((point) => point.at)
    expect(days.length).toBeGreaterThanOrEqual(2)
    // Daily candles close at the next midnight UTC, one day apart, in order.
    for (const at of days) expect(at % (24 * 60 * 60 * 1000)).toBe(0)
    expect([...days].sort((a, b) => a - b)).toEqual(days)
  })
})
