import WebSocket from 'ws'
import { ANON_KEY, JWT_SECRET, SERVICE_ROLE_KEY } from '../config.ts'
import { signJwt } from '../jwt.ts'
import {
  rawSocket,
  sleep,
  startRealtimeTestServer,
  subscribe,
  userToken,
  waitFor,
  type RealtimeTestServer,
} from './test-support.ts'

let server: RealtimeTestServer

beforeAll(async () => {
  server = await startRealtimeTestServer('', { idleTimeoutMs: 1500, maxFrameBytes: 64 * 1024 })
})
afterAll(async () => {
  await server?.stop()
})

type Received = { event: string; payload: unknown }

describe('connect', () => {
  it('refuses a missing or forged apikey and an unknown vsn', async () => {
    const ws = (query: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(
          `${server.url.replace('http', 'ws')}/realtime/v1/websocket?${query}`,
        )
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
        socket.on('open', () => resolve(101))
        socket.on('error', () => {})
      })
    expect(await ws('vsn=2.0.0')).toBe(401)
    expect(await ws(`apikey=${ANON_KEY.slice(0, -2)}xx&vsn=2.0.0`)).toBe(403)
    expect(await ws(`apikey=${ANON_KEY}&vsn=3.0.0`)).toBe(400)
    expect(await ws(`apikey=${ANON_KEY}&vsn=2.0.0`)).toBe(101)
  })

  it('answers heartbeats and closes sockets that stop sending them', async () => {
    const socket = await rawSocket(server.url)
    socket.send([null, '7', 'phoenix', 'heartbeat', {}])
    await waitFor(() => socket.messages().length > 0)
    expect(socket.messages()[0]).toEqual([
      null,
      '7',
      'phoenix',
      'phx_reply',
      { status: 'ok', response: {} },
    ])
    expect(await socket.closed).toBe(1000)
  })

  it('keeps a supabase-js client alive through heartbeats', async () => {
    const client = server.client()
    const statuses: string[] = []
    client.realtime.onHeartbeat((status) => statuses.push(status))
    const channel = client.channel('heartbeat-room')
    expect((await subscribe(channel)).status).toBe('SUBSCRIBED')
    await client.realtime.sendHeartbeat()
    await waitFor(() => statuses.includes('ok'))
    await client.removeChannel(channel)
  })
})

describe('channels', () => {
  it('joins with the ok reply realtime-js expects and leaves', async () => {
    const socket = await rawSocket(server.url)
    socket.send([
      '1',
      '1',
      'realtime:lobby',
      'phx_join',
      { config: { broadcast: { self: false } } },
    ])
    await waitFor(() => socket.messages().length > 0)
    expect(socket.messages()[0]).toEqual([
      '1',
      '1',
      'realtime:lobby',
      'phx_reply',
      { status: 'ok', response: { postgres_changes: [] } },
    ])
    socket.send(['1', '2', 'realtime:lobby', 'phx_leave', {}])
    await waitFor(() => socket.messages().length > 1)
    expect(socket.messages()[1]).toEqual([
      '1',
      '2',
      'realtime:lobby',
      'phx_reply',
      { status: 'ok', response: {} },
    ])
    socket.send([
      '1',
      '3',
      'realtime:lobby',
      'broadcast',
      { type: 'broadcast', event: 'x', payload: {} },
    ])
    await waitFor(() => socket.messages().length > 2)
    expect(socket.messages()[2]).toEqual([
      '1',
      '3',
      'realtime:lobby',
      'phx_reply',
      { status: 'error', response: { reason: 'unmatched topic' } },
    ])
    socket.ws.close()

    const client = server.client()
    const channel = client.channel('lobby')
    expect((await subscribe(channel)).status).toBe('SUBSCRIBED')
    expect(await channel.unsubscribe()).toBe('ok')
  })

  it('refuses a join with an expired or forged token', async () => {
    const expired = server.client({
      token: await userToken('11111111-1111-4111-8111-111111111111', -30),
    })
    const result = await subscribe(expired.channel('secret'))
    expect(result.status).toBe('CHANNEL_ERROR')
    expect(result.error?.message).toMatch(/Token has expired \d+ seconds ago/)

    const forged = server.client({ token: `${SERVICE_ROLE_KEY.slice(0, -3)}abc` })
    const forgedResult = await subscribe(forged.channel('secret'))
    expect(forgedResult.status).toBe('CHANNEL_ERROR')
    expect(forgedResult.error?.message).toBe('InvalidJWTToken: Signature verification failed')

    const noExp = await signJwt({ sub: 'x', role: 'authenticated' }, JWT_SECRET)
    const noExpResult = await subscribe(server.client({ token: noExp }).channel('secret'))
    expect(noExpResult.error?.message).toBe(
      'InvalidJWTToken: Fields `role` and `exp` are required in JWT',
    )
  })

  it('refuses anon on private channels', async () => {
    const result = await subscribe(server.client().channel('vip', { config: { private: true } }))
    expect(result.status).toBe('CHANNEL_ERROR')
    expect(result.error?.message).toMatch(/Unauthorized/)
  })
})

describe('broadcast', () => {
  async function pair(topic: string, senderConfig: { self?: boolean; ack?: boolean } = {}) {
    const receiverClient = server.client()
    const senderClient = server.client({
      token: await userToken('33333333-3333-4333-8333-333333333333'),
    })
    const received: Received[] = []
    const echoed: Received[] = []
    const receiver = receiverClient
      .channel(topic)
      .on('broadcast', { event: '*' }, (m) => received.push({ event: m.event, payload: m.payload }))
    const sender = senderClient
      .channel(topic, { config: { broadcast: senderConfig } })
      .on('broadcast', { event: '*' }, (m) => echoed.push({ event: m.event, payload: m.payload }))
    expect((await subscribe(receiver)).status).toBe('SUBSCRIBED')
    expect((await subscribe(sender)).status).toBe('SUBSCRIBED')
    return { receiver, sender, received, echoed }
  }

  it('relays JSON and binary payloads between supabase-js clients, without self by default', async () => {
    const { sender, received, echoed } = await pair('room-1')
    expect(await sender.send({ type: 'broadcast', event: 'cursor', payload: { x: 1, y: 2 } })).toBe(
      'ok',
    )
    const bytes = new Uint8Array([1, 2, 3, 250])
    await sender.send({ type: 'broadcast', event: 'blob', payload: bytes.buffer })
    await waitFor(() => received.length === 2)
    expect(received[0]).toEqual({ event: 'cursor', payload: { x: 1, y: 2 } })
    expect(received[1].event).toBe('blob')
    expect([...new Uint8Array(received[1].payload as ArrayBuffer)]).toEqual([1, 2, 3, 250])
    await sleep(50)
    expect(echoed).toEqual([])
  })

  it('echoes to the sender with self, and acks with ack', async () => {
    const { sender, received, echoed } = await pair('room-2', { self: true, ack: true })
    expect(await sender.send({ type: 'broadcast', event: 'hello', payload: { n: 1 } })).toBe('ok')
    await waitFor(() => received.length === 1 && echoed.length === 1)
    expect(echoed[0]).toEqual({ event: 'hello', payload: { n: 1 } })
  })

  it('does not ack when the channel joined without ack (the client times out waiting)', async () => {
    const socket = await rawSocket(server.url)
    socket.send(['1', '1', 'realtime:room-3', 'phx_join', { config: { broadcast: { ack: true } } }])
    socket.send([
      '2',
      '2',
      'realtime:room-4',
      'phx_join',
      { config: { broadcast: { ack: false } } },
    ])
    await waitFor(() => socket.messages().length === 2)
    socket.send([
      '1',
      '3',
      'realtime:room-3',
      'broadcast',
      { type: 'broadcast', event: 'e', payload: {} },
    ])
    socket.send([
      '2',
      '4',
      'realtime:room-4',
      'broadcast',
      { type: 'broadcast', event: 'e', payload: {} },
    ])
    await waitFor(() => socket.messages().length >= 3)
    await sleep(50)
    expect(socket.messages().slice(2)).toEqual([
      ['1', '3', 'realtime:room-3', 'phx_reply', { status: 'ok', response: {} }],
    ])
    socket.ws.close()
  })

  it('delivers text-frame broadcasts from a raw client to supabase-js', async () => {
    const received: Received[] = []
    const channel = server
      .client()
      .channel('room-5')
      .on('broadcast', { event: 'ping' }, (m) =>
        received.push({ event: m.event, payload: m.payload }),
      )
    await subscribe(channel)
    const socket = await rawSocket(server.url)
    socket.send(['9', '9', 'realtime:room-5', 'phx_join', { config: {} }])
    await waitFor(() => socket.messages().length === 1)
    socket.send([
      '9',
      '10',
      'realtime:room-5',
      'broadcast',
      { type: 'broadcast', event: 'ping', payload: { t: 1 } },
    ])
    await waitFor(() => received.length === 1)
    expect(received[0]).toEqual({ event: 'ping', payload: { t: 1 } })
    socket.ws.close()
  })

  it('accepts HTTP broadcasts: the unjoined send() fallback and httpSend', async () => {
    const received: Received[] = []
    const listener = server
      .client()
      .channel('room-6')
      .on('broadcast', { event: '*' }, (m) => received.push({ event: m.event, payload: m.payload }))
    await subscribe(listener)
    const unjoined = server.client().channel('room-6')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(
      await unjoined.send({ type: 'broadcast', event: 'rest', payload: { via: 'http' } }),
    ).toBe('ok')
    warn.mockRestore()
    expect(await unjoined.httpSend('direct', { via: 'httpSend' })).toEqual({ success: true })
    await waitFor(() => received.length === 2)
    expect(received).toEqual([
      { event: 'rest', payload: { via: 'http' } },
      { event: 'direct', payload: { via: 'httpSend' } },
    ])

    const response = await fetch(`${server.url}/realtime/v1/api/broadcast`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', apikey: 'not-a-key' },
      body: JSON.stringify({ messages: [{ topic: 'room-6', event: 'x', payload: {} }] }),
    })
    expect(response.status).toBe(401)
    const invalid = await fetch(`${server.url}/realtime/v1/api/broadcast`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', apikey: ANON_KEY },
      body: '{"messages": "nope"}',
    })
    expect(invalid.status).toBe(422)

    const ping = await fetch(`${server.url}/realtime/v1/api/ping`)
    expect(ping.status).toBe(200)
    expect(await ping.json()).toEqual({ message: 'Success' })
    expect((await fetch(`${server.url}/realtime/v1/api/nope`)).status).toBe(404)
  })

  it('serves vsn 1.0.0 clients with text frames', async () => {
    const received: Received[] = []
    const v1 = server.client({ vsn: '1.0.0' })
    const channel = v1
      .channel('room-7', { config: { broadcast: { self: true, ack: true } } })
      .on('broadcast', { event: '*' }, (m) => received.push({ event: m.event, payload: m.payload }))
    expect((await subscribe(channel)).status).toBe('SUBSCRIBED')
    expect(await channel.send({ type: 'broadcast', event: 'v1', payload: { ok: true } })).toBe('ok')
    await waitFor(() => received.length === 1)
    expect(received[0]).toEqual({ event: 'v1', payload: { ok: true } })
  })
})

describe('presence', () => {
  it('syncs tracked state between clients', async () => {
    const a = server.client().channel('presence-room', { config: { presence: { key: 'alice' } } })
    const b = server.client().channel('presence-room', { config: { presence: { key: 'bob' } } })
    a.on('presence', { event: 'sync' }, () => {})
    b.on('presence', { event: 'sync' }, () => {})
    await subscribe(a)
    await subscribe(b)
    expect(await a.track({ status: 'online' })).toBe('ok')
    await waitFor(() => Object.keys(b.presenceState()).includes('alice'))
    expect(b.presenceState().alice[0]).toMatchObject({ status: 'online' })
    await a.unsubscribe()
    await waitFor(() => !Object.keys(b.presenceState()).includes('alice'))
  })

  it('answers track pushes like Phoenix: same payload no diff, non-map payload an error', async () => {
    const socket = await rawSocket(server.url)
    const config = { presence: { enabled: true, key: 'carol' } }
    socket.send(['1', '1', 'realtime:presence-raw', 'phx_join', { config }])
    await waitFor(() => socket.messages().length === 2)
    expect(socket.messages()[1]).toEqual(['1', null, 'realtime:presence-raw', 'presence_state', {}])
    const track = { type: 'presence', event: 'TRACK', payload: { mood: 'ok' } }
    socket.send(['1', '2', 'realtime:presence-raw', 'presence', track])
    socket.send(['1', '3', 'realtime:presence-raw', 'presence', track])
    const bad = { type: 'presence', event: 'track', payload: 'not a map' }
    socket.send(['1', '4', 'realtime:presence-raw', 'presence', bad])
    await waitFor(() => socket.messages().some((m) => m[1] === '4'))
    const events = socket.messages().slice(2)
    expect(events.filter((m) => m[3] === 'presence_diff')).toHaveLength(1)
    expect(events.find((m) => m[3] === 'presence_diff')?.[4]).toMatchObject({
      joins: { carol: { metas: [{ mood: 'ok' }] } },
      leaves: {},
    })
    expect(events.find((m) => m[1] === '3')?.[4]).toEqual({ status: 'ok', response: {} })
    expect(events.find((m) => m[1] === '4')?.[4]).toEqual({
      status: 'error',
      response: { reason: 'Presence track payload must be a map' },
    })
    socket.ws.close()
  })
})

describe('bad input', () => {
  it('survives malformed frames and stays usable', async () => {
    const socket = await rawSocket(server.url)
    socket.send('not json')
    socket.send('{"an":"object"}')
    socket.send('[1,2]')
    socket.send('[null,null,42,"heartbeat",{}]')
    socket.send(Buffer.from([4, 1, 2]))
    socket.send(Buffer.from([3, 200, 200, 200, 200, 200, 1]))
    socket.send(['1', '1', 'realtime:x', 'phx_join', 'not an object'])
    socket.send(['1', '2', 'realtime:x', 'mystery', {}])
    socket.send(['1', '3', 'realtime:x', 'broadcast', { type: 'broadcast' }])
    socket.send(['1', '4', 'realtime:x', 'access_token', { access_token: 42 }])
    socket.send(['1', '5', 'realtime:x', 'phx_join', { config: { postgres_changes: 'nope' } }])
    socket.send([null, '6', 'phoenix', 'heartbeat', {}])
    await waitFor(() => socket.messages().some((m) => m[1] === '6'))
    const byRef = new Map(socket.messages().map((m) => [m[1], m[4]]))
    expect(byRef.get('1')).toMatchObject({ status: 'ok' })
    expect(byRef.get('2')).toMatchObject({ status: 'error' })
    expect(byRef.get('5')).toMatchObject({ status: 'ok' })
    expect(byRef.get('6')).toEqual({ status: 'ok', response: {} })
    socket.ws.close()
  })

  it('closes a socket that sends an oversized frame, and keeps serving others', async () => {
    const socket = await rawSocket(server.url)
    socket.send('x'.repeat(70 * 1024))
    expect(await socket.closed).toBe(1009)
    const other = await rawSocket(server.url)
    other.send([null, '1', 'phoenix', 'heartbeat', {}])
    await waitFor(() => other.messages().length === 1)
    other.ws.close()
  })
})
