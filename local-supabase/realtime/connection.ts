import type { WebSocket } from 'ws'
import type { Db } from '../db/types.ts'
import { authenticate, isExpired, type RealtimeAuth } from './auth.ts'
import { authorizeTopic } from './authorization.ts'
import type { Channel, Hub } from './hub.ts'
import { resolveBindings } from './join-bindings.ts'
import { parseJoinPayload, systemPayload } from './join-config.ts'
import type { Catalog } from './catalog.ts'
import type { PresenceTracker } from './presence.ts'
import { parseReplay, replayMessages } from './replay.ts'
import {
  broadcastFromMessage,
  decodeBinaryPush,
  decodeText,
  encodeBroadcast,
  encodeMessage,
  FrameError,
  reply,
  type BroadcastBody,
  type BroadcastPush,
  type EncodedFrame,
  type PhxMessage,
  type Vsn,
} from './protocol.ts'

export interface ConnectionContext {
  db: Db
  hub: Hub
  presence: PresenceTracker
  catalog: Catalog
  jwtSecret: string
  log: (line: string) => void
}

const MAX_CHANNELS_PER_SOCKET = 100
const MAX_BINDINGS = 100
/** A socket that cannot keep up (slow reader) is dropped rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024
/** setTimeout overflows past 2^31-1 ms; tokens expiring later than that are checked lazily. */
const MAX_TIMER_MS = 2 ** 31 - 1

/** One WebSocket: its serializer, socket-level identity (the apikey) and joined channels. */
export class Connection {
  readonly channels = new Map<string, Channel>()
  lastSeen = Date.now()
  private closed = false
  private queue: Promise<void> = Promise.resolve()
  private readonly expiryTimers = new Map<Channel, NodeJS.Timeout>()

  constructor(
    private readonly ws: WebSocket,
    readonly vsn: Vsn,
    private readonly socketAuth: RealtimeAuth,
    private readonly ctx: ConnectionContext,
  ) {
    ws.on('message', (data, isBinary) => {
      this.lastSeen = Date.now()
      const buffer = Array.isArray(data)
        ? Buffer.concat(data)
        : Buffer.isBuffer(data)
          ? data
          : Buffer.from(data)
      // One frame at a time per socket, so a join finishes before the pushes that follow it.
      this.queue = this.queue
        .then(() => this.onFrame(buffer, isBinary))
        .catch((error) => {
          this.ctx.log(`realtime: frame failed: ${(error as Error).message}`)
        })
    })
    ws.on('close', () => this.teardown())
    ws.on('error', () => this.teardown())
  }

  send(message: PhxMessage): void {
    this.sendFrame({ data: encodeMessage(this.vsn, message), binary: false })
  }

  sendFrame(frame: EncodedFrame): void {
    if (this.ws.readyState !== this.ws.OPEN) return
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.ws.terminate()
      return
    }
    this.ws.send(frame.data, { binary: frame.binary })
  }

  close(code = 1000, reason = ''): void {
    this.ws.close(code, reason)
  }

  private async onFrame(data: Buffer, isBinary: boolean): Promise<void> {
    try {
      if (isBinary) {
        if (this.vsn !== '2.0.0') throw new FrameError('binary frames need vsn 2.0.0')
        this.handleBroadcast(decodeBinaryPush(data))
        return
      }
      await this.handle(decodeText(data.toString('utf8'), this.vsn))
    } catch (error) {
      if (!(error instanceof FrameError)) throw error
      // Malformed input is dropped quietly; the socket stays usable (Phoenix would kill it).
    }
  }

  private async handle(msg: PhxMessage): Promise<void> {
    if (msg.topic === 'phoenix') {
      if (msg.event === 'heartbeat') this.send(reply(msg, 'ok', {}))
      else if (msg.ref) this.send(reply(msg, 'error', { reason: 'unknown event' }))
      return
    }
    if (msg.event === 'phx_join') {
      try {
        return await this.join(msg)
      } catch (error) {
        // A database failure while checking the join: the client hears what hosted says.
        this.ctx.log(`realtime: join failed: ${(error as Error).message}`)
        this.send(reply(msg, 'error', { reason: 'Unknown Error on Channel' }))
        return
      }
    }
    const channel = this.channels.get(msg.topic)
    if (!channel) {
      if (msg.ref) this.send(reply(msg, 'error', { reason: 'unmatched topic' }))
      return
    }
    switch (msg.event) {
      case 'phx_leave':
        this.leave(channel)
        this.send(reply(msg, 'ok', {}))
        return
      case 'broadcast':
        this.handleBroadcast(broadcastFromMessage(msg))
        return
      case 'access_token':
        return this.updateToken(channel, msg)
      case 'presence':
        return this.handlePresence(channel, msg)
      default:
        if (msg.ref) this.send(reply(msg, 'error', { reason: `unknown event "${msg.event}"` }))
    }
  }

  private async join(msg: PhxMessage): Promise<void> {
    const config = parseJoinPayload(msg.payload)
    const fail = (reason: string) => this.send(reply(msg, 'error', { reason }))
    if (!msg.topic.startsWith('realtime:')) return fail('unmatched topic')
    const existing = this.channels.get(msg.topic)
    if (!existing && this.channels.size >= MAX_CHANNELS_PER_SOCKET) {
      return fail('ChannelRateLimitReached: Too many channels')
    }
    const verified = await authenticate(
      config.accessToken ?? this.socketAuth.token,
      this.ctx.jwtSecret,
    )
    if (!verified.ok) return fail(`InvalidJWTToken: ${verified.message}`)
    const subTopic = msg.topic.slice('realtime:'.length)
    let canSend = true
    if (config.isPrivate) {
      const permissions = await authorizeTopic(this.ctx.db, verified.auth, subTopic)
      if (!permissions.read) return fail(unauthorized(subTopic))
      canSend = permissions.write
    }
    const replay = parseReplay(config.replay)
    if (replay && !config.isPrivate) {
      return fail('UnableToReplayMessages: Replay is not allowed for public channels')
    }
    if (replay === 'invalid') return fail('UnableToReplayMessages: Replay params are not valid')
    let replayed: BroadcastBody[] = []
    if (replay) {
      try {
        replayed = await replayMessages(this.ctx.db, subTopic, replay)
      } catch {
        return fail('UnableToReplayMessages: Realtime was unable to replay messages')
      }
    }
    if (Array.isArray(config.postgresChanges) && config.postgresChanges.length > MAX_BINDINGS) {
      return fail(`Too many postgres_changes bindings (at most ${MAX_BINDINGS})`)
    }
    const { bindings, response, errors } = await resolveBindings(
      config.postgresChanges,
      this.ctx.catalog,
    )
    // The socket may have closed while the join was checked; nothing must outlive it.
    if (this.closed) return
    if (existing) this.leave(existing)
    const channel: Channel = {
      peer: this,
      topic: msg.topic,
      joinRef: msg.joinRef,
      isPrivate: config.isPrivate,
      self: config.self,
      ack: config.ack,
      presence: config.presence,
      bindings,
      auth: verified.auth,
      canSend,
    }
    this.channels.set(msg.topic, channel)
    this.ctx.hub.add(channel)
    this.scheduleExpiry(channel)
    this.send(reply(msg, 'ok', { postgres_changes: response }))
    if (response.length > 0) {
      const payload =
        errors.length === 0
          ? systemPayload(msg.topic, 'postgres_changes', 'ok', 'Subscribed to PostgreSQL')
          : systemPayload(msg.topic, 'postgres_changes', 'error', errors[0])
      this.send({ joinRef: msg.joinRef, ref: null, topic: msg.topic, event: 'system', payload })
    }
    if (channel.presence.enabled) this.ctx.presence.sendState(channel)
    for (const body of replayed) {
      const frame = encodeBroadcast(this.vsn, body)
      if (frame) this.sendFrame(frame)
    }
  }

  leave(channel: Channel): void {
    if (this.channels.get(channel.topic) === channel) this.channels.delete(channel.topic)
    this.ctx.hub.remove(channel)
    this.ctx.presence.untrack(channel)
    clearTimeout(this.expiryTimers.get(channel))
    this.expiryTimers.delete(channel)
  }

  private handleBroadcast(push: BroadcastPush): void {
    const channel = this.channels.get(push.body.topic)
    if (!channel) {
      if (push.ref) {
        this.send(
          reply({ joinRef: push.joinRef, ref: push.ref, topic: push.body.topic }, 'error', {
            reason: 'unmatched topic',
          }),
        )
      }
      return
    }
    if (!channel.canSend) {
      if (channel.ack && push.ref) {
        const ref = { joinRef: push.joinRef, ref: push.ref, topic: push.body.topic }
        this.send(reply(ref, 'error', { reason: 'Unauthorized' }))
      }
      return
    }
    this.ctx.hub.broadcast(push.body, channel.isPrivate, channel)
    if (channel.ack && push.ref) {
      this.send(reply({ joinRef: push.joinRef, ref: push.ref, topic: push.body.topic }, 'ok', {}))
    }
  }

  private handlePresence(channel: Channel, msg: PhxMessage): void {
    const p = (msg.payload ?? {}) as { event?: unknown; payload?: unknown }
    const event = typeof p.event === 'string' ? p.event.toLowerCase() : ''
    const answer = (status: 'ok' | 'error', response: object) => {
      if (msg.ref) this.send(reply(msg, status, response))
    }
    if (event === 'track') {
      if (!p.payload || typeof p.payload !== 'object' || Array.isArray(p.payload)) {
        return answer('error', { reason: 'Presence track payload must be a map' })
      }
      this.ctx.presence.track(channel, p.payload as Record<string, unknown>)
    } else if (event === 'untrack') {
      this.ctx.presence.untrack(channel)
    } else {
      return answer('error', { reason: 'unknown presence event' })
    }
    answer('ok', {})
  }

  /** `access_token`: the channel's identity for RLS from now on; a bad token ends it. */
  private async updateToken(channel: Channel, msg: PhxMessage): Promise<void> {
    const token = (msg.payload as { access_token?: unknown } | null)?.access_token
    if (typeof token !== 'string' || token === channel.auth.token) return
    const verified = await authenticate(token, this.ctx.jwtSecret)
    if (!verified.ok) {
      this.shutdown(channel, verified.message)
      return
    }
    if (channel.isPrivate) {
      const subTopic = channel.topic.slice('realtime:'.length)
      const permissions = await authorizeTopic(this.ctx.db, verified.auth, subTopic)
      if (!permissions.read) {
        this.shutdown(
          channel,
          `You no longer have permission to read from this Channel topic: ${subTopic}`,
        )
        return
      }
      channel.canSend = permissions.write
    }
    if (this.channels.get(channel.topic) !== channel) return
    channel.auth = verified.auth
    this.scheduleExpiry(channel)
  }

  /** What supabase/realtime does to a channel whose token stopped being valid. */
  shutdown(channel: Channel, message: string): void {
    if (this.channels.get(channel.topic) !== channel) return
    const { joinRef, topic } = channel
    const payload = systemPayload(topic, 'system', 'error', message)
    this.send({ joinRef, ref: null, topic, event: 'system', payload })
    this.send({ joinRef, ref: null, topic, event: 'phx_close', payload: {} })
    this.leave(channel)
  }

  private scheduleExpiry(channel: Channel): void {
    clearTimeout(this.expiryTimers.get(channel))
    this.expiryTimers.delete(channel)
    const delay = channel.auth.exp * 1000 - Date.now()
    if (delay > MAX_TIMER_MS) return
    const timer = setTimeout(
      () => {
        if (isExpired(channel.auth)) this.shutdown(channel, expiredMessage(channel))
      },
      Math.max(0, delay),
    )
    timer.unref()
    this.expiryTimers.set(channel, timer)
  }

  private teardown(): void {
    this.closed = true
    for (const channel of [...this.channels.values()]) this.leave(channel)
  }
}

function unauthorized(subTopic: string): string {
  return `Unauthorized: You do not have permissions to read from this Channel topic: ${subTopic}`
}

export function expiredMessage(channel: Channel): string {
  return `Token has expired ${Math.max(0, Math.floor(Date.now() / 1000) - channel.auth.exp)} seconds ago`
}
