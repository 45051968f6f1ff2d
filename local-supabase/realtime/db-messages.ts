import type { Db } from '../db/types.ts'
import type { Hub } from './hub.ts'
import { createIdBatcher } from './id-batcher.ts'

/** bootstrap.sql's realtime.send() NOTIFYs this channel with the realtime.messages row id. */
export const MESSAGES_CHANNEL = 'local_realtime_messages'

interface MessageRow {
  topic: string
  event: string | null
  payload: string | null
  private: boolean | null
}

/**
 * Delivers realtime.send() messages: NOTIFY arrives after COMMIT (never on rollback), the
 * row is read by id, and its payload travels as the JSON text Postgres produced, so a
 * 50 kB market tick is neither parsed nor re-serialised on its way to 1,000 sockets.
 */
export async function relayDbMessages(
  db: Db,
  hub: Hub,
  log: (line: string) => void,
): Promise<() => Promise<void>> {
  const batcher = createIdBatcher(async (ids) => {
    const { rows } = await db.query<MessageRow>(
      `select topic, event, payload::text as payload, private
         from realtime.messages where id = any($1::bigint[]) order by id`,
      [`{${ids.join(',')}}`],
    )
    for (const row of rows) {
      hub.broadcast(
        {
          topic: `realtime:${row.topic}`,
          event: row.event ?? '',
          payload: { json: row.payload ?? 'null' },
        },
        row.private === true,
      )
    }
  }, log)
  return db.listen(MESSAGES_CHANNEL, batcher.push)
}
