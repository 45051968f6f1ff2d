import type { Db } from './types.ts'

/**
 * `--reset` against a real PostgreSQL: drop exactly the schemas the stack and the project's
 * migrations own and recreate `public` as initdb leaves it. Roles are
 * cluster-wide and other databases may use them, so they stay (bootstrap is idempotent).
 * One simple-protocol script is one implicit transaction: all of it happens or none.
 */
const RESET_SQL = `
drop schema if exists supabase_migrations cascade;
drop schema if exists realtime cascade;
drop schema if exists auth cascade;
drop schema if exists extensions cascade;
drop schema if exists public cascade;
drop publication if exists supabase_realtime;
create schema public authorization pg_database_owner;
grant usage on schema public to public;
comment on schema public is 'standard public schema';
`

export async function resetPostgres(db: Db): Promise<void> {
  await db.exec(RESET_SQL)
}
