import { quoteIdent, type Db } from '../db/types.ts'
import { isExpired, type RealtimeAuth } from './auth.ts'
import type { Catalog, TableInfo } from './catalog.ts'
import { CHANGES_CHANNEL } from './change-capture.ts'
import { matchesFilter } from './filters.ts'
import type { Channel, Hub, PgBinding } from './hub.ts'
import { createIdBatcher } from './id-batcher.ts'
import { encodeRawPush, type Vsn } from './protocol.ts'

interface ChangeRow {
  schema_name: string
  table_name: string
  type: 'INSERT' | 'UPDATE' | 'DELETE'
  record: Record<string, unknown> | null
  old_record: Record<string, unknown> | null
  commit_timestamp: string
}

/** Shutdown hook for a channel whose token expired while it waited for a change. */
export type ExpireChannel = (channel: Channel) => void

/**
 * Delivers captured row changes as `postgres_changes`: to each channel whose bindings match
 * (event, schema, table, filter) and whose role and claims can SELECT the row under RLS —
 * checked by Postgres itself, once per distinct token per change.
 */
export async function relayChanges(
  db: Db,
  hub: Hub,
  catalog: Catalog,
  expire: ExpireChannel,
  log: (line: string) => void,
): Promise<() => Promise<void>> {
  const batcher = createIdBatcher(async (ids) => {
    const idArray = `{${ids.join(',')}}`
    // Rows are consumed as they are read; the janitor removes any nobody was listening for.
    if (hub.changeSubscribers.size === 0) {
      await db.query('delete from realtime.local_changes where id = any($1::bigint[])', [idArray])
      return
    }
    const { rows } = await db.query<ChangeRow & { id: number | string }>(
      `delete from realtime.local_changes where id = any($1::bigint[])
       returning id, schema_name, table_name, type, record, old_record,
         to_char(commit_timestamp at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as commit_timestamp`,
      [idArray],
    )
    rows.sort((a, b) => Number(a.id) - Number(b.id))
    for (const row of rows) await deliver(db, hub, catalog, expire, row)
  }, log)
  return db.listen(CHANGES_CHANNEL, batcher.push)
}

async function deliver(
  db: Db,
  hub: Hub,
  catalog: Catalog,
  expire: ExpireChannel,
  change: ChangeRow,
): Promise<void> {
  const info = await catalog.get(change.schema_name, change.table_name)
  if (!info) return
  const matched = new Map<Channel, number[]>()
  for (const channel of hub.changeSubscribers) {
    const ids = channel.bindings.filter((b) => bindingMatches(b, change, info)).map((b) => b.id)
    if (ids.length === 0) continue
    if (isExpired(channel.auth)) {
      expire(channel)
      continue
    }
    matched.set(channel, ids)
  }
  if (matched.size === 0) return

  const byToken = new Map<string, { auth: RealtimeAuth; channels: Channel[] }>()
  for (const channel of matched.keys()) {
    const group = byToken.get(channel.auth.token)
    if (group) group.channels.push(channel)
    else byToken.set(channel.auth.token, { auth: channel.auth, channels: [channel] })
  }
  const groups = [...byToken.values()]
  const visible = await Promise.all(groups.map((g) => canSelect(db, g.auth, info, change)))

  const data = JSON.stringify({
    schema: change.schema_name,
    table: change.table_name,
    commit_timestamp: change.commit_timestamp,
    type: change.type,
    columns: info.columns.map(({ name, type }) => ({ name, type })),
    record: change.record ?? {},
    old_record: oldRecord(info, change),
    errors: null,
  })
  groups.forEach((group, i) => {
    if (!visible[i]) return
    for (const channel of group.channels) {
      const payload = `{"ids":${JSON.stringify(matched.get(channel))},"data":${data}}`
      const vsn: Vsn = channel.peer.vsn
      channel.peer.sendFrame({
        data: encodeRawPush(vsn, channel.topic, 'postgres_changes', payload),
        binary: false,
      })
    }
  })
}

function bindingMatches(binding: PgBinding, change: ChangeRow, info: TableInfo): boolean {
  if (binding.event !== '*' && binding.event !== change.type) return false
  if (binding.schema !== '*' && binding.schema !== change.schema_name) return false
  if (binding.table && binding.table !== change.table_name) return false
  if (binding.conditions.length === 0) return true
  const row = change.type === 'DELETE' ? change.old_record : change.record
  return row !== null && matchesFilter(binding.conditions, row, info.types)
}

/**
 * supabase/realtime sends the full previous row only for REPLICA IDENTITY FULL tables
 * without RLS; otherwise just the primary key (a deleted row can no longer be checked
 * against RLS, so its other columns are never sent).
 */
function oldRecord(info: TableInfo, change: ChangeRow): Record<string, unknown> {
  if (!change.old_record) return {}
  if (info.replicaIdentityFull && !info.rowSecurity) return change.old_record
  return Object.fromEntries(info.primaryKey.map((k) => [k, change.old_record?.[k] ?? null]))
}

/**
 * Can this token read the changed row? Asked of Postgres as that role with those claims,
 * so the table's own policies decide. A deleted row no longer exists: the question becomes
 * whether the role may read the table at all (its payload carries only the primary key).
 */
async function canSelect(
  db: Db,
  auth: RealtimeAuth,
  info: TableInfo,
  change: ChangeRow,
): Promise<boolean> {
  const table = `${quoteIdent(info.schema)}.${quoteIdent(info.table)}`
  let sql: string
  let params: unknown[]
  if (change.type === 'DELETE' || !change.record) {
    sql = `select 1 from ${table} where false`
    params = []
  } else if (info.primaryKey.length > 0) {
    const record = change.record
    sql = `select 1 from ${table} t where ${info.primaryKey
      .map((column, i) => `t.${quoteIdent(column)} = $${i + 1}`)
      .join(' and ')}`
    params = info.primaryKey.map((column) => paramValue(record[column]))
  } else {
    sql = `select 1 from ${table} t where to_jsonb(t.*) @> $1::jsonb limit 1`
    params = [JSON.stringify(change.record)]
  }
  try {
    const result = await db.asRole(auth.context, (tx) => tx.query(sql, params), { readOnly: true })
    return change.type === 'DELETE' || result.rows.length > 0
  } catch {
    // permission denied, or an RLS policy that errors for this user: not visible.
    return false
  }
}

function paramValue(value: unknown): unknown {
  if (value === null || value === undefined) return null
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
