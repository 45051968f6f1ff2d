import { defineConfig } from '@playwright/test'
import { ANON_KEY } from './local-supabase/config.ts'

/**
 * e2e runs the production build against the local stack on its own port and an in-memory
 * database, so it never touches a developer's `npm run dev` data. Debian's Chromium is used
 * as installed (Playwright cannot download browsers here).
 */
const STACK_PORT = 54329
const APP_PORT = 4173
const stackUrl = `http://127.0.0.1:${STACK_PORT}`

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
  webServer: [
    {
      command: 'npx tsx local-supabase/cli.ts --reset',
      url: `${stackUrl}/health`,
      env: {
        LOCAL_SUPABASE_PORT: String(STACK_PORT),
        LOCAL_SUPABASE_DATA_DIR: 'memory',
        MARKET_TICK_MS: '500',
        SITE_URL: `http://127.0.0.1:${APP_PORT}`,
      },
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `npx vite build --outDir dist-e2e --emptyOutDir && npx vite preview --outDir dist-e2e --port ${APP_PORT} --strictPort`,
      url: `http://127.0.0.1:${APP_PORT}`,
      env: { VITE_SUPABASE_URL: stackUrl, VITE_SUPABASE_ANON_KEY: ANON_KEY },
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
})
