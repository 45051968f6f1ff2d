import { getEnv } from './env'
import { logger } from './logger'

/**
 * Optional error reporting, loaded only when VITE_SENTRY_DSN is set: the reporter is a separate
 * chunk, so builds without a DSN never download it.
 */
export function startMonitoring() {
  const env = getEnv()
  if (env.VITE_SENTRY_DSN) {
    const dsn = env.VITE_SENTRY_DSN
    import('./sentry-reporter')
      .then(({ startSentryReporter }) =>
        startSentryReporter({
          dsn,
          release: env.VITE_APP_VERSION,
          environment: env.VITE_ENVIRONMENT,
        }),
      )
      .catch((error) => logger.warn('error reporter failed to load', { error: String(error) }))
  }
}
