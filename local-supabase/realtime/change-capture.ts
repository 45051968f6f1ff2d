import { quoteIdent, type Db } from '../db/types.ts'

/** NOTIFY channel carrying the id of each captured row change (payloads stop at 8 kB). */
export const CHANGES_CHANNEL = 'local_realtime_changes'
const TRIGGER = 'local_realtime_capture'

/**
 * Hosted Realtime reads changes from logical replication; the local stack records them with
 * a row trigger instead. Local-only plumbing: it lives here, never in supabase/migrations.
 * The function is SECURITY DEFINER so any writer (anon, authenticated) can record a change
 * without being able to read the change table.
 */
const CAPTURE_SQL = `
create table if not exists realtime.local_changes (
  id bigserial primary key,
  schema_name text not null,
  table_name text not null,
  type text not null,
  record jsonb,
  old_record jsonb,
  commit_timestamp timestamptz not null default now()
);
revoke all on realtime.local_changes from public, anon, authenticated, service_role;
create index if not exists local_changes_commit_timestamp_idx
  on realtime.local_changes (commit_timestamp);

create or replace function realtime.local_capture_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_id bigint;
begin
  insert into realtime.local_changes (schema_name, table_name, type, record, old_record)
  values (
    tg_table_schema,
    tg_table_name,
    tg_op,
    case when tg_op = 'DELETE' then null else to_jsonb(new) end,
    case when tg_op = 'INSERT' then null else to_jsonb(old) end
  )
  returning id into v_id;
  perform pg_notify('${CHANGES_CHANNEL}', v_id::text);
  return null;
end
$$;
revoke execute on function realtime.local_capture_change() from public, anon, authenticated;
`

interface PublishedTable {
  schemaname: string
  tablename: string
  ins: boolean
  upd: boolean
  del: boolean
}

/**
 * Installs the capture trigger on every table of publication `supabase_realtime` (only for
 * the operations it publishes) and removes it from tables no longer published. Idempotent.
 */
export async function installChangeCapture(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.exec(CAPTURE_SQL)
    const published = await tx.query<PublishedTable>(
      `select t.schemaname, t.tablename, bool_or(p.pubinsert) as ins, bool_or(p.pubupdate) as upd,
              bool_or(p.pubdelete) as del
         from pg_publication_tables t join pg_publication p on p.pubname = t.pubname
        where t.pubname = 'supabase_realtime'
        group by t.schemaname, t.tablename`,
    )
    const installed = await tx.query<{ schemaname: string; tablename: string }>(
      `select n.nspname as schemaname, c.relname as tablename
         from pg_trigger t join pg_class c on c.oid = t.tgrelid
         join pg_namespace n on n.oid = c.relnamespace
        where t.tgname = $1 and not t.tgisinternal`,
      [TRIGGER],
    )
    const wanted = new Set(published.rows.map((r) => `${r.schemaname}.${r.tablename}`))
    for (const row of installed.rows) {
      if (wanted.has(`${row.schemaname}.${row.tablename}`)) continue
      await tx.exec(`drop trigger if exists ${TRIGGER} on ${qualified(row)}`)
    }
    for (const row of published.rows) {
      const ops = [row.ins && 'insert', row.upd && 'update', row.del && 'delete'].filter(Boolean)
      if (ops.length === 0) {
        await tx.exec(`drop trigger if exists ${TRIGGER} on ${qualified(row)}`)
        continue
      }
      await tx.exec(
        `create or replace trigger ${TRIGGER} after ${ops.join(' or ')} on ${qualified(row)}
           for each row execute function realtime.local_capture_change()`,
      )
    }
  })
}

function qualified(row: { schemaname: string; tablename: string }): string {
  return `${quoteIdent(row.schemaname)}.${quoteIdent(row.tablename)}`
}
