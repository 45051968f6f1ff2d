import type { Db, Queryable } from '../db/types.ts'
import type { RealtimeAuth } from './auth.ts'

export interface ChannelPermissions {
  read: boolean
  write: boolean
}

class Rollback extends Error {}

/**
 * Hosted Realtime's authorization for private channels, asked of Postgres: with a probe
 * row for the topic, switched to the caller's role and claims (and `realtime.topic`), can
 * it SELECT that row (join, receive) and INSERT one (send)? Everything is rolled back.
 * service_role is trusted, as hosted Realtime trusts it.
 */
export async function authorizeTopic(
  db: Db,
  auth: RealtimeAuth,
  subTopic: string,
): Promise<ChannelPermissions> {
  if (auth.context.role === 'service_role') return { read: true, write: true }
  const permissions: ChannelPermissions = { read: false, write: false }
  try {
    await db.transaction(async (tx) => {
      const probe = await tx.query<{ id: number | string }>(
        `insert into realtime.messages (topic, extension, private) values ($1, 'broadcast', true)
         returning id`,
        [subTopic],
      )
      await tx.query(
        `select set_config('role', $1, true), set_config('request.jwt.claims', $2, true),
                set_config('realtime.topic', $3, true)`,
        [auth.context.role, JSON.stringify(auth.context.claims), subTopic],
      )
      permissions.read = await succeeds(tx, async () => {
        const { rows } = await tx.query('select 1 from realtime.messages where id = $1', [
          probe.rows[0].id,
        ])
        return rows.length > 0
      })
      permissions.write = await succeeds(tx, async () => {
        await tx.query(
          `insert into realtime.messages (topic, extension, private, event, payload)
           values ($1, 'broadcast', true, 'authorization', '{}')`,
          [subTopic],
        )
        return true
      })
      throw new Rollback()
    })
  } catch (error) {
    if (!(error instanceof Rollback)) throw error
  }
  return permissions
}

/** A denied check (42501, a policy error) must not abort the surrounding transaction. */
async function succeeds(tx: Queryable, check: () => Promise<boolean>): Promise<boolean> {
  await tx.query('savepoint realtime_authorization')
  try {
    const ok = await check()
    await tx.query('release savepoint realtime_authorization')
    return ok
  } catch {
    await tx.query('rollback to savepoint realtime_authorization')
    return false
  }
}
