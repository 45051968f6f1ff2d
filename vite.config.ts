/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs'
import { fileURLToPath, URL } from 'node:url'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'
import { appShell } from './scripts/vite-app-shell.ts'

// React Router's ES build (what the app bundles). Under Vitest, Node's "node" export condition
// picks the CommonJS build, whose 'react-router/dom' RouterProvider does not share the main
// entry's contexts; the app's RouterProvider is that one (only it honours navigate's flushSync).
const reactRouterEsm = (file: string) =>
  fileURLToPath(new URL(`./node_modules/react-router/dist/development/${file}`, import.meta.url))

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))

export default defineConfig({
  plugins: [react(), tailwindcss(), appShell()],
  // The release the app reports when VITE_APP_VERSION is not set (src/lib/env.ts).
  define: { 'import.meta.env.PACKAGE_VERSION': JSON.stringify(version) },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    target: 'es2022',
    sourcemap: true,
    manifest: true,
    rolldownOptions: {
      // Everything the entry imports statically is needed before the first paint anyway: one
      // chunk (one request) instead of several shared chunks that lazy routes also import.
      output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] } },
    },
  },
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'stack',
          environment: 'node',
          include: ['local-supabase/**/*.test.ts', 'supabase/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          alias: [
            { find: /^react-router$/, replacement: reactRouterEsm('index.mjs') },
            { find: /^react-router\/dom$/, replacement: reactRouterEsm('dom-export.mjs') },
          ],
          setupFiles: ['src/test/setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
