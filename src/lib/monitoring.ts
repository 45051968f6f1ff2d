import { getEnv, type Env } from './env'
import { logger } from './logger'

/**
 * Optional error reporting and analytics, each loaded only when its variable is set: they are
 * separate chunks, so a build without them never downloads either.
 */
export function startMonitoring(env: Env = getEnv()) {
  const dsn = env.VITE_SENTRY_DSN
  if (dsn) {
    import('./error-reporting')
      .then(({ startErrorReporting }) =>
        startErrorReporting({
          dsn,
          release: env.VITE_APP_VERSION,
          environment: env.VITE_ENVIRONMENT,
        }),
      )
      .catch((error) => logger.warn('error reporting failed to load', { error: String(error) }))
  }
  const site = env.VITE_ANALYTICS_ID
  if (site) {
    import('./analytics')
      .then(({ startAnalytics }) => startAnalytics(site))
      .catch((error) => logger.warn('analytics failed to load', { error: String(error) }))
  }
}
