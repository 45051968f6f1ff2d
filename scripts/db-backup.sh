#!/usr/bin/env bash
# Backs up StockTrade's data (every public table plus auth users and identities) from
# DATABASE_URL to a plain SQL file. The schema is not dumped: it is the migrations' job, so a
# restore goes into a database migrated to the same version.
# Usage: DATABASE_URL=postgres://... scripts/db-backup.sh [backup.sql]
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL must point at the database to back up}"
out=${1:-"stocktrade-$(date -u +%Y%m%dT%H%M%SZ).sql"}

pg_dump "$DATABASE_URL" \
  --data-only --no-owner --no-privileges --disable-triggers \
  --table='public.*' --table=auth.users --table=auth.identities \
  --exclude-table-data='realtime.*' \
  --file="$out"
version=$(psql "$DATABASE_URL" -Atc "select max(version) from supabase_migrations.schema_migrations")
sed -i "1i -- stocktrade backup; schema version $version" "$out"
echo "backup written to $out (schema version $version)"
