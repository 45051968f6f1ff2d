import type { RealtimeAuth } from './auth.ts'
import type { Condition } from './filters.ts'
import {
  encodeBroadcast,
  type BroadcastBody,
  type EncodedFrame,
  type PhxMessage,
  type Vsn,
} from './protocol.ts'

export interface PgBinding {
  id: number
  /** `*`, INSERT, UPDATE or DELETE (upper-cased). */
  event: string
  schema: string
  table?: string
  conditions: Condition[]
}

/**
 * What the hub needs from a socket: its serializer, a way to write frames, and a way to
 * close one channel whose token expired while it waited for a change.
 */
export interface Peer {
  readonly vsn: Vsn
  sendFrame(frame: EncodedFrame): void
  send(message: PhxMessage): void
  shutdown(channel: Channel, message: string): void
}

/** One joined channel: a socket subscribed to a topic with its config and identity. */
export interface Channel {
  peer: Peer
  topic: string
  joinRef: string | null
  isPrivate: boolean
  self: boolean
  ack: boolean
  presence: { enabled: boolean; key: string }
  bindings: PgBinding[]
  auth: RealtimeAuth
  /** Private channels send only with an INSERT policy on realtime.messages. */
  canSend: boolean
}

/**
 * Every joined channel by topic. Public and private joins of one topic are separate
 * audiences: a private message never reaches a public join, nor the reverse.
 */
export class Hub {
  private readonly topics = new Map<string, Set<Channel>>()
  /** Channels with postgres_changes bindings, the only ones a row change can reach. */
  readonly changeSubscribers = new Set<Channel>()

  add(channel: Channel): void {
    const key = audience(channel.topic, channel.isPrivate)
    let set = this.topics.get(key)
    if (!set) {
      set = new Set()
      this.topics.set(key, set)
    }
    set.add(channel)
    if (channel.bindings.length > 0) this.changeSubscribers.add(channel)
  }

  remove(channel: Channel): void {
    const key = audience(channel.topic, channel.isPrivate)
    const set = this.topics.get(key)
    set?.delete(channel)
    if (set?.size === 0) this.topics.delete(key)
    this.changeSubscribers.delete(channel)
  }

  members(topic: string, isPrivate: boolean): ReadonlySet<Channel> {
    return this.topics.get(audience(topic, isPrivate)) ?? new Set()
  }

  /**
   * Fan-out: each message is encoded at most once per serializer version and the same
   * buffer goes to every socket. `sender` is skipped unless it joined with `self: true`.
   */
  broadcast(body: BroadcastBody, isPrivate: boolean, sender?: Channel): number {
    const members = this.topics.get(audience(body.topic, isPrivate))
    if (!members) return 0
    const frames = new Map<Vsn, EncodedFrame | null>()
    let delivered = 0
    for (const channel of members) {
      if (channel === sender && !channel.self) continue
      const vsn = channel.peer.vsn
      let frame = frames.get(vsn)
      if (frame === undefined) {
        frame = encodeBroadcast(vsn, body)
        frames.set(vsn, frame)
      }
      if (!frame) continue
      channel.peer.sendFrame(frame)
      delivered++
    }
    return delivered
  }
}

function audience(topic: string, isPrivate: boolean): string {
  return `${isPrivate ? 'private' : 'public'}|${topic}`
}
