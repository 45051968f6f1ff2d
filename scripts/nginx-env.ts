/**
 * Writes the environment the Docker image's nginx needs from the build's own settings, as a
 * script the nginx image sources at start (/docker-entrypoint.d/*.envsh) before it fills
 * docker/default.conf.template: the Sentry tunnel's upstream, from the same VITE_SENTRY_DSN
 * the app was built with (empty without one: the template then answers 404). A value given
 * to the container at run time wins.
 * Usage: VITE_SENTRY_DSN=https://<key>@<host>/<project> tsx scripts/nginx-env.ts > nginx.envsh
 */
import { sentryEnvelopeUrl } from './netlify-config.ts'

export function nginxEnv(env: { VITE_SENTRY_DSN?: string }): string {
  const dsn = env.VITE_SENTRY_DSN?.trim()
  const envelope = dsn ? sentryEnvelopeUrl(dsn) : ''
  return [
    '# Written at build time by scripts/nginx-env.ts.',
    `export SENTRY_ENVELOPE_URL="\${SENTRY_ENVELOPE_URL:-${envelope}}"`,
    '',
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.stdout.write(nginxEnv(process.env))
  } catch (error) {
    console.error(`nginx-env: ${(error as Error).message}`)
    process.exit(1)
  }
}
