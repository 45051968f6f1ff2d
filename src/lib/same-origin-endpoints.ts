/**
 * Paths on the app's own origin that the host forwards to third parties, so the CSP can stay
 * "self + Supabase" while error reports and analytics still get out (netlify.toml proxies them;
 * scripts/netlify-config.ts writes the Sentry one from the DSN at build time).
 */
export const ANALYTICS_ENDPOINT = '/api/event'
export const SENTRY_TUNNEL = '/monitoring'
