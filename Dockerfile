# syntax=docker/dockerfile:1
# Multi-stage: build the static app with Node, serve it with nginx (same headers and the same
# same-origin proxies for analytics and error reports as Netlify).
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG VITE_SUPABASE_URL
ARG VITE_SUPABASE_ANON_KEY
ARG VITE_APP_VERSION
ARG VITE_ENVIRONMENT=production
ARG VITE_SENTRY_DSN
ARG VITE_ANALYTICS_ID
RUN npm run build && npx tsx scripts/nginx-env.ts > nginx.envsh

FROM nginx:1.27-alpine
# NGINX_ENTRYPOINT_LOCAL_RESOLVERS: the image's entrypoint exports the container's DNS servers
# as NGINX_LOCAL_RESOLVERS, which the template's resolver uses for the proxies' upstreams.
ENV PORT=8080 APP_ROOT=/usr/share/nginx/html SUPABASE_HOST=localhost \
    PLAUSIBLE_EVENT_URL=https://plausible.io/api/event NGINX_ENTRYPOINT_LOCAL_RESOLVERS=1
COPY docker/default.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build --chmod=755 /app/nginx.envsh /docker-entrypoint.d/16-stocktrade.envsh
COPY --from=build /app/dist /usr/share/nginx/html
EXPOSE 8080
HEALTHCHECK CMD wget -qO- http://127.0.0.1:${PORT}/ >/dev/null || exit 1
