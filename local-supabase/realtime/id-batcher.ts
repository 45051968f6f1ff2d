/**
 * Collects NOTIFY payloads (row ids) and hands them to `drain` in batches, one batch at a
 * time and in arrival order, so a transaction that notifies 500 times costs one query.
 */
export function createIdBatcher(
  drain: (ids: string[]) => Promise<void>,
  log: (line: string) => void,
) {
  let pending: string[] = []
  let running = false

  async function run(): Promise<void> {
    running = true
    try {
      while (pending.length > 0) {
        const ids = pending
        pending = []
        try {
          await drain(ids)
        } catch (error) {
          log(`realtime: delivery failed: ${(error as Error).message}`)
        }
      }
    } finally {
      running = false
    }
  }

  return {
    push(payload: string): void {
      if (!/^\d+$/.test(payload)) return
      pending.push(payload)
      if (!running) {
        running = true
        setImmediate(() => void run())
      }
    },
  }
}
