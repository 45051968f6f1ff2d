#!/usr/bin/env bash
# Restores a backup made by db-backup.sh into DATABASE_URL, replacing its data in one
# transaction: either everything is restored or nothing changes. The target must be migrated
# to the schema version the backup names.
# Usage: DATABASE_URL=postgres://... scripts/db-restore.sh backup.sql
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL must point at the database to restore into}"
file=${1:?usage: db-restore.sh backup.sql}
[ -f "$file" ] || { echo "db-restore: no such file: $file" >&2; exit 1; }

want=$(sed -n '1s/^-- stocktrade backup; schema version //p' "$file")
have=$(psql "$DATABASE_URL" -Atc "select max(version) from supabase_migrations.schema_migrations")
if [ -z "$want" ] || [ "$want" != "$have" ]; then
  echo "db-restore: backup is for schema version '${want:-unknown}', database is at '$have'" >&2
  exit 1
fi

{
  echo "do \$\$ declare t text; begin
    for t in select format('%I.%I', schemaname, tablename) from pg_tables where schemaname = 'public'
    loop execute 'truncate table ' || t || ' cascade'; end loop;
    truncate table auth.identities, auth.users cascade;
  end \$\$;"
  cat "$file"
} | psql "$DATABASE_URL" --quiet --no-psqlrc -v ON_ERROR_STOP=1 --single-transaction -f - >/dev/null
echo "restored $file into the database (schema version $have)"
