/**
 * Worker side of realtime-fanout: `count` raw `ws` clients (vsn 2.0.0) joined to one topic,
 * recording for every broadcast how long after its send timestamp it arrived. Runs in a
 * worker thread so decoding on the client side does not queue behind the server's sends.
 * Imported in the main thread (bench/run.ts scans bench/), it does nothing.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import WebSocket from 'ws'

export interface ClientsConfig {
  url: string
  apikey: string
  topic: string
  count: number
}

export type ClientsMessage =
  { type: 'ready' } | { type: 'report'; latencies: number[]; received: number }

/** jsonb::text orders keys by length, so `ts` comes first: `{"ts": 1732...`. */
const TS_PATTERN = /^\{"ts": ?([0-9.]+)/

function startClients(config: ClientsConfig): void {
  const port = parentPort!
  const latencies: number[] = []
  const sockets: WebSocket[] = []
  let joined = 0
  for (let i = 0; i < config.count; i++) {
    const ws = new WebSocket(`${config.url}?apikey=${config.apikey}&vsn=2.0.0`)
    sockets.push(ws)
    ws.on('open', () => {
      ws.send(
        JSON.stringify([
          '1',
          '1',
          config.topic,
          'phx_join',
          { config: { broadcast: { self: false } } },
        ]),
      )
    })
    ws.on('message', (data: Buffer, isBinary) => {
      const now = performance.timeOrigin + performance.now()
      if (!isBinary) {
        if (data.toString().includes('"phx_reply"') && ++joined === config.count) {
          port.postMessage({ type: 'ready' } satisfies ClientsMessage)
        }
        return
      }
      // Kind 4 header: kind, topicLen, eventLen, metaLen, encoding; then topic, event, meta.
      const offset = 5 + data[1] + data[2] + data[3]
      const head = data.toString('utf8', offset, offset + 40)
      const match = TS_PATTERN.exec(head)
      if (match) latencies.push(now - Number(match[1]))
    })
    ws.on('error', () => {})
  }
  const heartbeat = setInterval(() => {
    for (const ws of sockets) {
      if (ws.readyState === ws.OPEN)
        ws.send(JSON.stringify([null, 'hb', 'phoenix', 'heartbeat', {}]))
    }
  }, 20_000)
  port.on('message', (message: { type: 'report' }) => {
    if (message.type !== 'report') return
    clearInterval(heartbeat)
    port.postMessage({
      type: 'report',
      latencies,
      received: latencies.length,
    } satisfies ClientsMessage)
    for (const ws of sockets) ws.terminate()
    port.close()
  })
}

if (!isMainThread && (workerData as { role?: string })?.role === 'realtime-fanout-clients') {
  startClients(workerData as ClientsConfig)
}
