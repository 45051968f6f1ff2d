#!/usr/bin/env bash
# Serves dist/ with the Docker image's nginx config (Debian's nginx) and checks what a browser
# gets: the SPA fallback, the security headers on every response, immutable caching of hashed
# assets, gzip, and the same-origin proxies for analytics and the Sentry tunnel (against a
# local upstream that echoes what it received).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "test-nginx: dist/ is missing; run npm run build first" >&2; exit 1; }

work=$(mktemp -d)
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
cleanup() {
  for conf in "$work"/*/nginx.conf; do [ -f "$conf" ] && nginx -p "$(dirname "$conf")" -c "$conf" -s stop 2>/dev/null || true; done
  [ -n "${echo_pid:-}" ] && kill "$echo_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The upstream: answers every request with what it got, as JSON.
upstream_port=$(free_port)
node -e "
require('http').createServer((req, res) => {
  let body = ''
  req.on('data', (chunk) => (body += chunk))
  req.on('end', () => res.end(JSON.stringify({ method: req.method, url: req.url, host: req.headers.host, forwardedFor: req.headers['x-forwarded-for'], body })))
}).listen($upstream_port, '127.0.0.1')" &
echo_pid=$!
upstream="http://127.0.0.1:$upstream_port"

# start_nginx NAME [VAR=value...]: fills the template as the nginx image does and prints the
# server's base URL.
start_nginx() {
  local dir="$work/$1"; shift
  mkdir -p "$dir/logs"
  local port; port=$(free_port)
  env PORT="$port" APP_ROOT="$PWD/dist" SUPABASE_HOST=abcd.supabase.co NGINX_LOCAL_RESOLVERS=127.0.0.1 \
    PLAUSIBLE_EVENT_URL="$upstream/api/event" SENTRY_ENVELOPE_URL= "$@" \
    envsubst '${PORT} ${APP_ROOT} ${SUPABASE_HOST} ${NGINX_LOCAL_RESOLVERS} ${PLAUSIBLE_EVENT_URL} ${SENTRY_ENVELOPE_URL}' \
    < docker/default.conf.template > "$dir/site.conf"
  cat > "$dir/nginx.conf" <<CONF
worker_processes 1;
error_log $dir/logs/error.log;
pid $dir/nginx.pid;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  include $dir/site.conf;
}
CONF
  nginx -t -p "$dir" -c "$dir/nginx.conf" -q
  nginx -p "$dir" -c "$dir/nginx.conf"
  echo "http://127.0.0.1:$port"
}

base=$(start_nginx with-sentry SENTRY_ENVELOPE_URL="$upstream/api/42/envelope/")
plain=$(start_nginx without-sentry)
for _ in $(seq 50); do curl -s -o /dev/null "$upstream" && break; sleep 0.1; done

fail=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi; }
headers() { curl -s -o /dev/null -D - "$@" | tr -d '\r'; }

root=$(headers "$base/")
deep=$(headers "$base/portfolio")
# The whole body, not `curl | grep -q`: grep stops at the first match, and curl, still writing
# the 30 KB page (its stylesheet is inlined), then fails with SIGPIPE under pipefail.
deep_body=$(curl -s "$base/portfolio")
asset=$(ls dist/assets/*.js | head -1)
asset_headers=$(headers -H 'Accept-Encoding: gzip' "$base/assets/$(basename "$asset")")
# The CSP must allow the built index.html's inline theme script by its exact hash.
inline_hash=$(node -e "const html=require('fs').readFileSync('dist/index.html','utf8');const m=/<script>(.*?)<\/script>/s.exec(html);console.log(m?require('crypto').createHash('sha256').update(m[1]).digest('base64'):'none')")
missing_asset=$(curl -s -o /dev/null -w '%{http_code}' "$base/assets/does-not-exist.js")
event=$(curl -s -H 'Content-Type: text/plain' -H 'X-Forwarded-For: 203.0.113.9' --data '{"n":"pageview"}' "$base/api/event")
envelope=$(curl -s --data-binary $'{"dsn":"x"}\n{"type":"event"}' "$base/monitoring")
no_tunnel=$(curl -s -o /dev/null -w '%{http_code}' --data 'x' "$plain/monitoring")

check "index is served" '[[ "$root" == *"200 OK"* ]]'
check "client routes fall back to index.html" '[[ "$deep" == *"200 OK"* && "$deep_body" == *"<div id=\"root\">"* ]]'
check "CSP allows only self and the Supabase origin" '[[ "$root" == *"connect-src '"'"'self'"'"' https://abcd.supabase.co wss://abcd.supabase.co;"* ]]'
check "CSP allows images only from self and data:" '[[ "$root" == *"img-src '"'"'self'"'"' data:;"* ]]'
check "CSP allows the inline theme script by hash" '[[ "$root" == *"script-src '"'"'self'"'"' '"'"'sha256-$inline_hash'"'"';"* ]]'
for name in "X-Frame-Options: DENY" "X-Content-Type-Options: nosniff" "Strict-Transport-Security: max-age=" \
  "Referrer-Policy: strict-origin-when-cross-origin" "Permissions-Policy: camera=()" \
  "Cross-Origin-Opener-Policy: same-origin" "Content-Security-Policy: default-src 'self'"; do
  check "${name%%:*} on pages, client routes and assets" '[[ "$root" == *"$name"* && "$deep" == *"$name"* && "$asset_headers" == *"$name"* ]]'
done
check "index.html is not cached stale" '[[ "$root" == *"Cache-Control: no-cache"* && "$deep" == *"Cache-Control: no-cache"* ]]'
check "hashed assets are immutable" '[[ "$asset_headers" == *"Cache-Control: public, max-age=31536000, immutable"* ]]'
check "assets are gzipped" '[[ "$asset_headers" == *"Content-Encoding: gzip"* ]]'
check "a missing asset is a 404, not the SPA" '[ "$missing_asset" = 404 ]'
check "analytics events reach Plausible's event API with the body" '[[ "$event" == *"\"method\":\"POST\",\"url\":\"/api/event\",\"host\":\"127.0.0.1:$upstream_port\""* && "$event" == *"pageview"* ]]'
check "analytics events carry the visitor's address" '[[ "$event" == *"\"forwardedFor\":\"203.0.113.9, 127.0.0.1\""* ]]'
check "error reports reach the DSN's envelope endpoint" '[[ "$envelope" == *"\"url\":\"/api/42/envelope/\""* && "$envelope" == *"event"* ]]'
check "without a DSN there is no tunnel" '[ "$no_tunnel" = 404 ]'
exit $fail
