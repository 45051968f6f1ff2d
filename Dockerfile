# syntax=docker/dockerfile:1
# Multi-stage: build the static app with Node, serve it with nginx (same headers as Netlify).
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG VITE_SUPABASE_URL
ARG VITE_SUPABASE_ANON_KEY
ARG VITE_APP_VERSION
ARG VITE_ENVIRONMENT=production
RUN npm run build

FROM nginx:1.27-alpine
ENV PORT=8080 APP_ROOT=/usr/share/nginx/html SUPABASE_HOST=localhost
COPY docker/default.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /app/dist /usr/share/nginx/html
EXPOSE 8080
HEALTHCHECK CMD wget -qO- http://127.0.0.1:${PORT}/ >/dev/null || exit 1
