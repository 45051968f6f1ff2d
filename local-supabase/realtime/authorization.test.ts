import { SERVICE_ROLE_KEY } from '../config.ts'
import {
  rawSocket,
  sleep,
  startRealtimeTestServer,
  subscribe,
  userToken,
  waitFor,
  type RealtimeTestServer,
} from './test-support.ts'

const USER_A = '11111111-1111-4111-8111-111111111111'
const USER_B = '22222222-2222-4222-8222-222222222222'

/** Realtime Authorization as documented by Supabase: RLS on realtime.messages. */
const POLICIES = `
create policy "Users can listen on their own room" on realtime.messages
  for select to authenticated using (realtime.topic() = 'room:' || (select auth.uid())::text);
create policy "Members can listen to the chat" on realtime.messages
  for select to authenticated using (realtime.topic() = 'chat');
create policy "Members can post to the chat" on realtime.messages
  for insert to authenticated with check (realtime.topic() = 'chat');
`

let server: RealtimeTestServer

beforeAll(async () => {
  server = await startRealtimeTestServer(POLICIES)
})
afterAll(async () => {
  await server?.stop()
})

const privately = { config: { private: true } }

describe('private channels', () => {
  it('are joined only where a SELECT policy allows it', async () => {
    const a = server.client({ token: await userToken(USER_A) })
    expect((await subscribe(a.channel(`room:${USER_A}`, privately))).status).toBe('SUBSCRIBED')
    const other = await subscribe(a.channel(`room:${USER_B}`, privately))
    expect(other.status).toBe('CHANNEL_ERROR')
    expect(other.error?.message).toBe(
      `Unauthorized: You do not have permissions to read from this Channel topic: room:${USER_B}`,
    )
    expect((await subscribe(server.client().channel('chat', privately))).status).toBe(
      'CHANNEL_ERROR',
    )
    const service = server.client({ token: SERVICE_ROLE_KEY })
    expect((await subscribe(service.channel(`room:${USER_B}`, privately))).status).toBe(
      'SUBSCRIBED',
    )
  })

  it('close when a new access_token may no longer read the topic', async () => {
    const client = server.client({ token: await userToken(USER_A) })
    const system: string[] = []
    const statuses: string[] = []
    const channel = client
      .channel(`room:${USER_A}`, privately)
      .on('system', {}, (p) => system.push(p.message))
    channel.subscribe((status) => statuses.push(status))
    await waitFor(() => statuses.includes('SUBSCRIBED'))
    await client.realtime.setAuth(await userToken(USER_B))
    await waitFor(() => statuses.includes('CLOSED'))
    expect(system).toEqual([
      `You no longer have permission to read from this Channel topic: room:${USER_A}`,
    ])
  })

  it('get realtime.send messages that are private; public joins get only public ones', async () => {
    const token = await userToken(USER_A)
    const privateMessages: unknown[] = []
    const publicMessages: unknown[] = []
    const privateChannel = server
      .client({ token })
      .channel(`room:${USER_A}`, privately)
      .on('broadcast', { event: 'e' }, (m) => privateMessages.push(m.payload))
    const publicChannel = server
      .client({ token })
      .channel(`room:${USER_A}`)
      .on('broadcast', { event: 'e' }, (m) => publicMessages.push(m.payload))
    expect((await subscribe(privateChannel)).status).toBe('SUBSCRIBED')
    expect((await subscribe(publicChannel)).status).toBe('SUBSCRIBED')
    await server.db.query(`select realtime.send('{"to":"private"}'::jsonb, 'e', $1)`, [
      `room:${USER_A}`,
    ])
    await server.db.query(`select realtime.send('{"to":"public"}'::jsonb, 'e', $1, false)`, [
      `room:${USER_A}`,
    ])
    await waitFor(() => privateMessages.length === 1 && publicMessages.length === 1)
    await sleep(50)
    expect(privateMessages).toEqual([{ to: 'private' }])
    expect(publicMessages).toEqual([{ to: 'public' }])
  })

  it('carry client broadcasts only from members an INSERT policy allows', async () => {
    const received: unknown[] = []
    const listener = server
      .client({ token: SERVICE_ROLE_KEY })
      .channel('chat', privately)
      .on('broadcast', { event: 'say' }, (m) => received.push(m.payload))
    await subscribe(listener)
    const member = server
      .client({ token: await userToken(USER_A) })
      .channel('chat', { config: { private: true, broadcast: { ack: true } } })
    expect((await subscribe(member)).status).toBe('SUBSCRIBED')
    expect(await member.send({ type: 'broadcast', event: 'say', payload: { text: 'hi' } })).toBe(
      'ok',
    )

    const reader = server
      .client({ token: await userToken(USER_A) })
      .channel(`room:${USER_A}`, { config: { private: true, broadcast: { ack: true } } })
    const roomListener = server
      .client({ token: SERVICE_ROLE_KEY })
      .channel(`room:${USER_A}`, privately)
      .on('broadcast', { event: 'say' }, (m) => received.push(m.payload))
    await subscribe(roomListener)
    expect((await subscribe(reader)).status).toBe('SUBSCRIBED')
    expect(await reader.send({ type: 'broadcast', event: 'say', payload: { text: 'nope' } })).toBe(
      'error',
    )
    await waitFor(() => received.length === 1)
    await sleep(50)
    expect(received).toEqual([{ text: 'hi' }])
  })

  it('drop private HTTP broadcasts the caller may not send', async () => {
    const received: unknown[] = []
    const listener = server
      .client({ token: SERVICE_ROLE_KEY })
      .channel('chat', privately)
      .on('broadcast', { event: 'http' }, (m) => received.push(m.payload))
    await subscribe(listener)
    const anonymous = server.client().channel('chat', privately)
    expect(await anonymous.httpSend('http', { from: 'anon' })).toEqual({ success: true })
    const member = server.client({ token: await userToken(USER_B) }).channel('chat', privately)
    expect(await member.httpSend('http', { from: 'member' })).toEqual({ success: true })
    await waitFor(() => received.length === 1)
    await sleep(50)
    expect(received).toEqual([{ from: 'member' }])
  })
})

describe('broadcast replay', () => {
  it('replays the newest private messages since a time, oldest first, marked replayed', async () => {
    await server.db.exec(`
      insert into realtime.messages (topic, extension, payload, event, private, inserted_at) values
        ('chat', 'broadcast', '{"n":0}', 'say', true, now() - interval '2 hours'),
        ('chat', 'broadcast', '{"n":1}', 'say', true, now() - interval '3 seconds'),
        ('chat', 'broadcast', '{"n":2}', 'say', true, now() - interval '2 seconds'),
        ('chat', 'broadcast', '{"n":3}', 'say', true, now() - interval '1 second'),
        ('chat', 'broadcast', '{"n":9}', 'say', false, now());
    `)
    const received: Array<{ payload: unknown; meta?: { replayed?: boolean; id: string } }> = []
    const channel = server
      .client({ token: await userToken(USER_A) })
      .channel('chat', {
        config: { private: true, broadcast: { replay: { since: Date.now() - 60_000, limit: 2 } } },
      })
      .on('broadcast', { event: 'say' }, (m) => received.push({ payload: m.payload, meta: m.meta }))
    expect((await subscribe(channel)).status).toBe('SUBSCRIBED')
    await waitFor(() => received.length === 2)
    await sleep(50)
    expect(received.map((m) => m.payload)).toEqual([{ n: 2 }, { n: 3 }])
    expect(received.every((m) => m.meta?.replayed === true && typeof m.meta.id === 'string')).toBe(
      true,
    )
  })

  it('refuses replay on public channels and malformed replay params', async () => {
    const socket = await rawSocket(server.url, `apikey=${await userToken(USER_A)}&vsn=2.0.0`)
    const join = (ref: string, topic: string, config: object) =>
      socket.send([ref, ref, `realtime:${topic}`, 'phx_join', { config }])
    join('1', 'replay-public', { broadcast: { replay: { since: 0 } } })
    join('2', 'chat', { private: true, broadcast: { replay: { since: 'yesterday' } } })
    await waitFor(() => socket.messages().length === 2)
    const reasons = Object.fromEntries(
      socket
        .messages()
        .map((m) => [m[1], (m[4] as { response: { reason: string } }).response.reason]),
    )
    expect(reasons).toEqual({
      '1': 'UnableToReplayMessages: Replay is not allowed for public channels',
      '2': 'UnableToReplayMessages: Replay params are not valid',
    })
    socket.ws.close()
  })
})

describe('database failures', () => {
  it('answer a join with "Unknown Error on Channel" and keep the socket usable', async () => {
    await server.db.exec('alter table realtime.messages rename to messages_away')
    try {
      const client = server.client({ token: await userToken(USER_A) })
      const result = await subscribe(client.channel('chat', privately))
      expect(result.status).toBe('CHANNEL_ERROR')
      expect(result.error?.message).toBe('Unknown Error on Channel')
      expect((await subscribe(client.channel('public-after-failure'))).status).toBe('SUBSCRIBED')
    } finally {
      await server.db.exec('alter table realtime.messages_away rename to messages')
    }
  })
})
