const DAY_MS = 86_400_000

/**
 * Waits out the last seconds of a UTC day. A test whose trades and checks must fall on one
 * trading day (it rolls over at 00:00 UTC: previous close, day change, today's return) then
 * never straddles midnight, whenever CI runs it. Costs nothing on the other 86,385 s of a day.
 */
export async function onOneTradingDay(marginMs = 15_000): Promise<void> {
  const untilMidnight = DAY_MS - (Date.now() % DAY_MS)
  if (untilMidnight < marginMs) {
    await new Promise((resolve) => setTimeout(resolve, untilMidnight + 1_000))
  }
}
