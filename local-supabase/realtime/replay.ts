import type { Queryable } from '../db/types.ts'
import type { BroadcastBody } from './protocol.ts'

/** supabase/realtime's cap (and default) on replayed messages per join. */
const MAX_REPLAY = 25

export interface ReplayParams {
  /** Epoch milliseconds: replay messages inserted at or after this. */
  since: number
  limit: number
}

/** `config.broadcast.replay` of a join: absent → null, malformed → 'invalid'. */
export function parseReplay(raw: unknown): ReplayParams | null | 'invalid' {
  if (raw === undefined || raw === null) return null
  if (typeof raw !== 'object' || Array.isArray(raw)) return 'invalid'
  const { since = 0, limit = MAX_REPLAY } = raw as { since?: unknown; limit?: unknown }
  if (typeof since !== 'number' || !Number.isFinite(since)) return 'invalid'
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) return 'invalid'
  return { since, limit: Math.min(limit, MAX_REPLAY) }
}

/**
 * The newest `limit` private broadcasts of a topic since `since`, oldest first, each marked
 * `meta: {id, replayed: true}` as supabase/realtime marks them. Only what realtime.messages
 * still holds can be replayed (the janitor keeps private messages a day).
 */
export async function replayMessages(
  db: Queryable,
  topic: string,
  params: ReplayParams,
): Promise<BroadcastBody[]> {
  const { rows } = await db.query<{ id: string; event: string | null; payload: string | null }>(
    `select id::text as id, event, payload::text as payload from realtime.messages
      where topic = $1 and extension = 'broadcast' and private
        and inserted_at >= to_timestamp($2::double precision / 1000)
      order by inserted_at desc, id desc limit $3`,
    [topic, params.since, params.limit],
  )
  return rows.reverse().map((row) => ({
    topic: `realtime:${topic}`,
    event: row.event ?? '',
    payload: { json: row.payload ?? 'null' },
    meta: JSON.stringify({ id: row.id, replayed: true }),
  }))
}
