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

  it("draws 1W's hours from the minutes, after the days before the first of them", async () => {
    await app.signInAsGuest()
    await app.setPrice('AAPL', 123.45)

    const week = await getCandles('AAPL', '1W')
    const firstHour = week.findIndex((candle) => candle.interval === '1h')
    expect(firstHour).toBeGreaterThan(0)
    const hours = week.slice(firstHour)
    expect(hours.every((candle) => candle.interval === '1h')).toBe(true)
    expect(hours.at(-1)).toMatchObject({ symbol: 'AAPL', close: 123.45 })

    // The seed wrote today's minutes from UTC midnight: the first hour is theirs, rolled up.
    const from = Date.parse(hours[0].bucket)
    const { data: minutes, error } = await app.stack.admin
      .from('price_candles')
      .select('bucket, open, high, low, close, volume')
      .eq('symbol', 'AAPL')
      .eq('interval', '1m')
      .gte('bucket', new Date(from).toISOString())
      .lt('bucket', new Date(from + 3_600_000).toISOString())
      .order('bucket')
    expect(error).toBeNull()
    const rows = (minutes ?? []).map((row) => ({
      open: Number(row.open),
      high: Number(row.high),
      low: Number(row.low),
      close: Number(row.close),
      volume: Number(row.volume),
    }))
    expect(rows.length).toBeGreaterThan(0)
    expect(hours[0]).toMatchObject({
      open: rows[0].open,
      high: Math.max(...rows.map((row) => row.high)),
      low: Math.min(...rows.map((row) => row.low)),
      close: rows.at(-1)!.close,
      volume: rows.reduce((sum, row) => sum + row.volume, 0),
    })

    // The days before the first hour's day, and none after.
    const firstDay = Math.floor(from / 86_400_000) * 86_400_000
    const days = week.slice(0, firstHour)
    expect(days.every((day) => day.interval === '1d' && Date.parse(day.bucket) < firstDay)).toBe(
      true,
    )
  })
})
