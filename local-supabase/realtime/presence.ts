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

  /** Tracking the same payload again changes nothing and sends no diff (as Phoenix). */
  track(channel: Channel, fields: Record<string, unknown>): void {
    const previous = this.tracked.get(channel)
    const key = channel.presence.key || previous?.key || randomUUID()
    if (previous && previous.key === key && sameFields(previous.meta, fields)) return
    const meta: Meta = { ...fields, phx_ref: this.nextRef() }
    if (previous) meta.phx_ref_prev = previous.meta.phx_ref
    this.tracked.set(channel, { key, meta })
    const leaves = previous ? { [previous.key]: { metas: [previous.meta] } } : {}
    this.diff(channel, { [key]: { metas: [meta] } }, leaves)
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

function sameFields(meta: Meta, fields: Record<string, unknown>): boolean {
  const { phx_ref: _ref, phx_ref_prev: _prev, ...tracked } = meta
  return JSON.stringify(tracked) === JSON.stringify(fields)
}
