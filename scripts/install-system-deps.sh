#!/usr/bin/env bash
# Installs the system packages the tests need, only those that are missing: Debian's
# Chromium (Playwright drives it; it cannot download its own browser here), PostgreSQL 15
# (the real-Postgres contract, concurrency and backup tests) and nginx (the Docker image's
# config is tested with it). Safe to run again; needs root (or sudo) only to install.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium fonts-liberation)
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15 postgresql-client-15)
command -v pg_dump >/dev/null 2>&1 || missing+=(postgresql-client-15)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v envsubst >/dev/null 2>&1 || missing+=(gettext-base)
command -v pgbench >/dev/null 2>&1 || [ -x /usr/lib/postgresql/15/bin/pgbench ] || missing+=(postgresql-contrib)

if [ ${#missing[@]} -eq 0 ]; then
  echo "system deps: all present"
  exit 0
fi

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "system deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian starts nginx and a default PostgreSQL cluster on install; the tests start their own.
"${sudo_cmd[@]}" service nginx stop >/dev/null 2>&1 || true
echo "system deps: done"
