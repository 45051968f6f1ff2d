import { execFileSync } from 'node:child_process'
import { nginxEnv } from './nginx-env.ts'

/** What a POSIX shell that sources the script ends up with, given the container's own value. */
function sourced(script: string, runtime?: string): string {
  const env = {
    PATH: process.env.PATH,
    ...(runtime === undefined ? {} : { SENTRY_ENVELOPE_URL: runtime }),
  }
  return execFileSync('sh', ['-c', `${script}\nprintf %s "$SENTRY_ENVELOPE_URL"`], {
    env,
  }).toString()
}

describe('nginx-env', () => {
  it("points the Sentry tunnel at the build's DSN", () => {
    const script = nginxEnv({ VITE_SENTRY_DSN: 'https://public123@o42.ingest.sentry.io/4500' })
    expect(sourced(script)).toBe('https://o42.ingest.sentry.io/api/4500/envelope/')
  })

  it('leaves the tunnel off without a DSN, and lets the container set its own', () => {
    expect(sourced(nginxEnv({}))).toBe('')
    expect(sourced(nginxEnv({ VITE_SENTRY_DSN: ' ' }))).toBe('')
    expect(sourced(nginxEnv({}), 'https://sentry.example/api/1/envelope/')).toBe(
      'https://sentry.example/api/1/envelope/',
    )
  })

  it('refuses a DSN that is not one', () => {
    expect(() => nginxEnv({ VITE_SENTRY_DSN: 'http://o42.ingest.sentry.io/4500' })).toThrow(
      /VITE_SENTRY_DSN must look like/,
    )
  })
})
