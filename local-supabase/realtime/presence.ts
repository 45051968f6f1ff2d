import { randomUUID } from 'node:crypto'
import type { Channel, Hub } from './hub.ts'

type Meta = Record<string, unknown> & { phx_ref: string }
type PresenceState = Record<string, { metas: Meta[] }>

/**
 * Phoenix Presence, enough for realtime-js: `presence_state` on join, `presence_diff` to
 * every presence-enabled member on track, untrack and leave. One meta per channel.
 */
export class PresenceTracker {
  private readonly tracked = new Map<Channel, { key: string; meta: Meta }>()
  private refCounter = 0

  constructor(private readonly hub: Hub) {}

  state(topic: string, isPrivate: boolean): PresenceState {
    const state: PresenceState = {}
    for (const member of this.hub.members(topic, isPrivate)) {
      const entry = this.tracked.get(member)
      if (!entry) continue
      ;(state[entry.key] ??= { metas: [] }).metas.push(entry.meta)
    }
    return state
  }

  sendState(channel: Channel): void {
    channel.peer.send({
      joinRef: channel.joinRef,
      ref: null,
      topic: channel.topic,
      event: 'presence_state',
      payload: this.state(channel.topic, channel.isPrivate),
    })
  }

  track(channel: Channel, payload: unknown): void {
    const previous = this.tracked.get(channel)
    const key = channel.presence.key || previous?.key || randomUUID()
    const fields =
      payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {}
    const meta: Meta = { ...fields, phx_ref: this.nextRef() }
    if (previous) meta.phx_ref_prev = previous.meta.phx_ref
    this.tracked.set(channel, { key, meta })
    this.diff(
      channel,
      { [key]: { metas: [meta] } },
      previous ? { [previous.key]: { metas: [previous.meta] } } : {},
    )
  }

  untrack(channel: Channel): void {
    const previous = this.tracked.get(channel)
    if (!previous) return
    this.tracked.delete(channel)
    this.diff(channel, {}, { [previous.key]: { metas: [previous.meta] } })
  }

  private diff(channel: Channel, joins: PresenceState, leaves: PresenceState): void {
    for (const member of this.hub.members(channel.topic, channel.isPrivate)) {
      if (!member.presence.enabled) continue
      member.peer.send({
        joinRef: null,
        ref: null,
        topic: member.topic,
        event: 'presence_diff',
        payload: { joins, leaves },
      })
    }
  }

  private nextRef(): string {
    this.refCounter = (this.refCounter + 1) % Number.MAX_SAFE_INTEGER
    return `F${Date.now().toString(36)}${this.refCounter.toString(36)}`
  }
}
