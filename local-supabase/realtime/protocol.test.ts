import Serializer from '@supabase/realtime-js/dist/module/lib/serializer.js'
import {
  decodeBinaryPush,
  decodeText,
  encodeBroadcast,
  encodeMessage,
  FrameError,
} from './protocol.ts'

const serializer = new Serializer()

function clientEncode(msg: Record<string, unknown>): ArrayBuffer | string {
  return serializer.encode(msg as never, (result: ArrayBuffer | string) => result)
}

function clientDecode(raw: ArrayBuffer | string): Record<string, unknown> {
  return serializer.decode(raw, (result: Record<string, unknown>) => result)
}

const arrayBuffer = (b: Buffer): ArrayBuffer => new Uint8Array(b).buffer

describe('realtime-js serializer compatibility', () => {
  it('decodes a client binary push (kind 3) with a JSON payload', () => {
    const raw = clientEncode({
      join_ref: '1',
      ref: '2',
      topic: 'realtime:room',
      event: 'broadcast',
      payload: { type: 'broadcast', event: 'cursor', payload: { x: 1, name: 'ünï' } },
    })
    const push = decodeBinaryPush(Buffer.from(raw as ArrayBuffer))
    expect(push).toEqual({
      joinRef: '1',
      ref: '2',
      body: { topic: 'realtime:room', event: 'cursor', payload: { json: '{"x":1,"name":"ünï"}' } },
    })
  })

  it('decodes a client binary push with raw bytes', () => {
    const bytes = new Uint8Array([0, 1, 2, 255])
    const raw = clientEncode({
      join_ref: null,
      ref: null,
      topic: 'realtime:room',
      event: 'broadcast',
      payload: { type: 'broadcast', event: 'bin', payload: bytes.buffer },
    })
    const push = decodeBinaryPush(Buffer.from(raw as ArrayBuffer))
    expect(push.joinRef).toBeNull()
    expect(push.ref).toBeNull()
    expect(push.body.payload).toEqual({ bytes: Buffer.from(bytes) })
  })

  it('encodes server broadcasts (kind 4) the client decodes, JSON and binary', () => {
    const json = encodeBroadcast('2.0.0', {
      topic: 'realtime:market',
      event: 'tick',
      payload: { json: '{"ts":1,"quotes":[]}' },
    })
    expect(json?.binary).toBe(true)
    expect(clientDecode(arrayBuffer(json!.data))).toEqual({
      join_ref: null,
      ref: null,
      topic: 'realtime:market',
      event: 'broadcast',
      payload: { type: 'broadcast', event: 'tick', payload: { ts: 1, quotes: [] } },
    })
    const bin = encodeBroadcast('2.0.0', {
      topic: 'realtime:market',
      event: 'raw',
      payload: { bytes: Buffer.from([9, 8, 7]) },
    })
    const decoded = clientDecode(arrayBuffer(bin!.data)) as { payload: { payload: ArrayBuffer } }
    expect([...new Uint8Array(decoded.payload.payload)]).toEqual([9, 8, 7])
  })

  it('carries meta in kind 4 frames (replayed messages)', () => {
    const frame = encodeBroadcast('2.0.0', {
      topic: 'realtime:room',
      event: 'old',
      payload: { json: '{"n":1}' },
      meta: '{"id":"7","replayed":true}',
    })
    expect(clientDecode(arrayBuffer(frame!.data))).toMatchObject({
      payload: { event: 'old', payload: { n: 1 }, meta: { id: '7', replayed: true } },
    })
  })

  it('falls back to a text frame when the topic is too long for the binary header', () => {
    const topic = `realtime:${'t'.repeat(300)}`
    const frame = encodeBroadcast('2.0.0', { topic, event: 'e', payload: { json: '{"a":1}' } })
    expect(frame?.binary).toBe(false)
    expect(clientDecode(frame!.data.toString())).toMatchObject({
      topic,
      event: 'broadcast',
      payload: { type: 'broadcast', event: 'e', payload: { a: 1 } },
    })
  })

  it('speaks vsn 1.0.0 objects both ways and cannot carry raw bytes there', () => {
    const msg = decodeText(
      '{"topic":"phoenix","event":"heartbeat","payload":{},"ref":"5","join_ref":null}',
      '1.0.0',
    )
    expect(msg).toEqual({
      joinRef: null,
      ref: '5',
      topic: 'phoenix',
      event: 'heartbeat',
      payload: {},
    })
    const out = JSON.parse(encodeMessage('1.0.0', { ...msg, event: 'phx_reply' }).toString())
    expect(out).toEqual({
      join_ref: null,
      ref: '5',
      topic: 'phoenix',
      event: 'phx_reply',
      payload: {},
    })
    expect(
      encodeBroadcast('1.0.0', {
        topic: 'realtime:a',
        event: 'b',
        payload: { bytes: Buffer.from([1]) },
      }),
    ).toBeNull()
  })

  it('rejects malformed frames with FrameError', () => {
    for (const text of ['nope', '[1,2,3]', '{"topic":1}', '[null,null,5,"x",{}]', 'null']) {
      expect(() => decodeText(text, '2.0.0')).toThrow(FrameError)
    }
    for (const bytes of [
      [],
      [4, 0, 0, 0, 0],
      [3, 9, 9, 9, 9, 9, 1],
      [3, 0, 0, 1, 1, 0, 7, 65, 66],
    ]) {
      expect(() => decodeBinaryPush(Buffer.from(bytes))).toThrow(FrameError)
    }
  })
})
