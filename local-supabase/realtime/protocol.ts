/**
 * Phoenix frames as realtime-js speaks them. vsn 1.0.0: JSON objects. vsn 2.0.0: JSON arrays
 * `[join_ref, ref, topic, event, payload]` plus two binary kinds for user broadcasts:
 * 3 (client push) in, 4 (server broadcast) out — byte for byte what
 * realtime-js/src/lib/serializer.ts encodes and decodes.
 */
export type Vsn = '1.0.0' | '2.0.0'

export interface PhxMessage {
  joinRef: string | null
  ref: string | null
  topic: string
  event: string
  payload: unknown
}

/** A user broadcast whose payload is kept encoded, so fan-out never re-serialises it. */
export interface BroadcastBody {
  topic: string
  event: string
  /** JSON text of the user payload, or raw bytes (binary broadcast). */
  payload: { json: string } | { bytes: Buffer }
  /** JSON text of `meta` (replayed messages: `{"id":..,"replayed":true}`). */
  meta?: string
}

export interface BroadcastPush {
  joinRef: string | null
  ref: string | null
  body: BroadcastBody
}

const KIND_USER_BROADCAST_PUSH = 3
const KIND_USER_BROADCAST = 4
const ENCODING_BINARY = 0
const ENCODING_JSON = 1

export class FrameError extends Error {}

export function decodeText(text: string, vsn: Vsn): PhxMessage {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new FrameError('invalid JSON')
  }
  if (vsn === '2.0.0' && Array.isArray(parsed) && parsed.length === 5) {
    const [joinRef, ref, topic, event, payload] = parsed as unknown[]
    return message(joinRef, ref, topic, event, payload)
  }
  if (vsn === '1.0.0' && parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const o = parsed as Record<string, unknown>
    return message(o.join_ref ?? null, o.ref ?? null, o.topic, o.event, o.payload)
  }
  throw new FrameError(`not a vsn ${vsn} frame`)
}

function message(
  joinRef: unknown,
  ref: unknown,
  topic: unknown,
  event: unknown,
  payload: unknown,
): PhxMessage {
  if (typeof topic !== 'string' || typeof event !== 'string') {
    throw new FrameError('topic and event must be strings')
  }
  return { joinRef: refString(joinRef), ref: refString(ref), topic, event, payload }
}

function refString(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return null
}

/** Binary kind 3: `u8 kind, u8 joinRefLen, u8 refLen, u8 topicLen, u8 eventLen, u8 metaLen, u8 encoding`. */
export function decodeBinaryPush(data: Buffer): BroadcastPush {
  if (data.length < 7 || data[0] !== KIND_USER_BROADCAST_PUSH) {
    throw new FrameError('unsupported binary frame')
  }
  const lengths = [data[1], data[2], data[3], data[4], data[5]]
  const encoding = data[6]
  let offset = 7
  const [joinRef, ref, topic, event, meta] = lengths.map((length) => {
    if (offset + length > data.length) throw new FrameError('truncated binary frame')
    // realtime-js writes each header string one char code per byte.
    const value = data.toString('latin1', offset, offset + length)
    offset += length
    return value
  })
  const rest = data.subarray(offset)
  let payload: BroadcastBody['payload']
  if (encoding === ENCODING_JSON) {
    const json = rest.toString('utf8')
    assertJson(json)
    payload = { json }
  } else if (encoding === ENCODING_BINARY) {
    payload = { bytes: Buffer.from(rest) }
  } else {
    throw new FrameError('unknown payload encoding')
  }
  if (meta) assertJson(meta)
  return { joinRef: joinRef || null, ref: ref || null, body: { topic, event, payload } }
}

function assertJson(text: string): void {
  try {
    JSON.parse(text)
  } catch {
    throw new FrameError('invalid JSON payload')
  }
}

/** A text-frame broadcast push (`channel.send` with a non-string event, or vsn 1.0.0). */
export function broadcastFromMessage(msg: PhxMessage): BroadcastPush {
  const p = msg.payload as Record<string, unknown> | null
  if (!p || typeof p !== 'object' || typeof p.event !== 'string') {
    throw new FrameError('broadcast needs an event')
  }
  return {
    joinRef: msg.joinRef,
    ref: msg.ref,
    body: { topic: msg.topic, event: p.event, payload: { json: JSON.stringify(p.payload ?? {}) } },
  }
}

export function encodeMessage(vsn: Vsn, msg: PhxMessage): Buffer {
  const text =
    vsn === '2.0.0'
      ? JSON.stringify([msg.joinRef, msg.ref, msg.topic, msg.event, msg.payload])
      : JSON.stringify({
          join_ref: msg.joinRef,
          ref: msg.ref,
          topic: msg.topic,
          event: msg.event,
          payload: msg.payload,
        })
  return Buffer.from(text)
}

export function reply(
  msg: Pick<PhxMessage, 'joinRef' | 'ref' | 'topic'>,
  status: 'ok' | 'error',
  response: unknown,
): PhxMessage {
  return {
    joinRef: msg.joinRef,
    ref: msg.ref,
    topic: msg.topic,
    event: 'phx_reply',
    payload: { status, response },
  }
}

export interface EncodedFrame {
  data: Buffer
  binary: boolean
}

/**
 * Encodes one broadcast for every socket of a serializer version, once. vsn 2.0.0 gets
 * binary kind 4 (what supabase/realtime sends); vsn 1.0.0 a JSON text frame. `null` when
 * the version cannot carry it (raw bytes over vsn 1.0.0).
 */
export function encodeBroadcast(vsn: Vsn, body: BroadcastBody): EncodedFrame | null {
  const topic = Buffer.from(body.topic)
  const event = Buffer.from(body.event)
  const meta = Buffer.from(body.meta ?? '')
  if (vsn === '2.0.0' && topic.length <= 255 && event.length <= 255 && meta.length <= 255) {
    const isJson = 'json' in body.payload
    const payload = isJson
      ? Buffer.from((body.payload as { json: string }).json)
      : (body.payload as { bytes: Buffer }).bytes
    const header = Buffer.from([
      KIND_USER_BROADCAST,
      topic.length,
      event.length,
      meta.length,
      isJson ? ENCODING_JSON : ENCODING_BINARY,
    ])
    return { data: Buffer.concat([header, topic, event, meta, payload]), binary: true }
  }
  if (!('json' in body.payload)) return null
  const metaField = body.meta ? `,"meta":${body.meta}` : ''
  const inner = `{"type":"broadcast","event":${JSON.stringify(body.event)}${metaField},"payload":${body.payload.json}}`
  const topicJson = JSON.stringify(body.topic)
  const text =
    vsn === '2.0.0'
      ? `[null,null,${topicJson},"broadcast",${inner}]`
      : `{"join_ref":null,"ref":null,"topic":${topicJson},"event":"broadcast","payload":${inner}}`
  return { data: Buffer.from(text), binary: false }
}

/** A server push whose payload is already JSON text (shared by many sockets). */
export function encodeRawPush(vsn: Vsn, topic: string, event: string, payloadJson: string): Buffer {
  const t = JSON.stringify(topic)
  const e = JSON.stringify(event)
  return Buffer.from(
    vsn === '2.0.0'
      ? `[null,null,${t},${e},${payloadJson}]`
      : `{"join_ref":null,"ref":null,"topic":${t},"event":${e},"payload":${payloadJson}}`,
  )
}
