#!/usr/bin/env bash
# Serves dist/ with the Docker image's nginx config (Debian's nginx) and checks what a browser
# gets: the SPA fallback, the security headers, immutable caching of hashed assets, gzip.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "test-nginx: dist/ is missing; run npm run build first" >&2; exit 1; }

work=$(mktemp -d)
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
trap 'nginx -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$work"' EXIT

export PORT=$port APP_ROOT="$PWD/dist" SUPABASE_HOST=abcd.supabase.co
mkdir -p "$work/logs"
envsubst '${PORT} ${APP_ROOT} ${SUPABASE_HOST}' < docker/default.conf.template > "$work/site.conf"
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
error_log $work/logs/error.log;
pid $work/nginx.pid;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $work/body;
  proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi;
  scgi_temp_path $work/scgi;
  include $work/site.conf;
}
CONF
nginx -t -p "$work" -c "$work/nginx.conf" -q
nginx -p "$work" -c "$work/nginx.conf"

base="http://127.0.0.1:$port"
fail=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi; }
headers() { curl -s -o /dev/null -D - "$@" | tr -d '\r'; }

root=$(headers "$base/")
deep=$(headers "$base/portfolio")
asset=$(ls dist/assets/*.js | head -1)
asset_headers=$(headers -H 'Accept-Encoding: gzip' "$base/assets/$(basename "$asset")")
# The CSP must allow the built index.html's inline theme script by its exact hash.
inline_hash=$(node -e "const html=require('fs').readFileSync('dist/index.html','utf8');const m=/<script>(.*?)<\/script>/s.exec(html);console.log(m?require('crypto').createHash('sha256').update(m[1]).digest('base64'):'none')")
missing_asset=$(curl -s -o /dev/null -w '%{http_code}' "$base/assets/does-not-exist.js")

check "index is served" '[[ "$root" == *"200 OK"* ]]'
check "client routes fall back to index.html" '[[ "$deep" == *"200 OK"* ]] && curl -s "$base/portfolio" | grep -q "<div id=\"root\""'
check "CSP allows only self and the Supabase origin" '[[ "$root" == *"connect-src '"'"'self'"'"' https://abcd.supabase.co wss://abcd.supabase.co;"* ]]'
check "CSP allows the inline theme script by hash" '[[ "$root" == *"script-src '"'"'self'"'"' '"'"'sha256-$inline_hash'"'"';"* ]]'
check "X-Frame-Options DENY" '[[ "$deep" == *"X-Frame-Options: DENY"* ]]'
check "nosniff" '[[ "$root" == *"X-Content-Type-Options: nosniff"* ]]'
check "HSTS" '[[ "$root" == *"Strict-Transport-Security: max-age="* ]]'
check "Referrer-Policy" '[[ "$root" == *"Referrer-Policy: strict-origin-when-cross-origin"* ]]'
check "Permissions-Policy" '[[ "$root" == *"Permissions-Policy: camera=()"* ]]'
check "index.html is not cached stale" '[[ "$root" == *"Cache-Control: no-cache"* ]]'
check "hashed assets are immutable" '[[ "$asset_headers" == *"Cache-Control: public, max-age=31536000, immutable"* ]]'
check "assets are gzipped" '[[ "$asset_headers" == *"Content-Encoding: gzip"* ]]'
check "a missing asset is a 404, not the SPA" '[ "$missing_asset" = 404 ]'
exit $fail
