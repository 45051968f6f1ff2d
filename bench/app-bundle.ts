/**
 * Initial-route JavaScript, gzip: the entry chunk plus everything it imports statically,
 * from Vite's build manifest. Lazy routes and the chart library must stay out of it.
 * Goal ≤ 150 KB gzip; reported also as a ratio to that budget.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { ANON_KEY } from '../local-supabase/config.ts'
import type { BenchResult } from './run.ts'

interface ManifestChunk {
  file: string
  isEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
}

const BUDGET_KB = 150
const OUT_DIR = 'bench/.tmp/dist'

function gzipKb(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length / 1024
}

export async function run(): Promise<BenchResult[]> {
  execFileSync(
    'npx',
    ['vite', 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'error'],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        VITE_SUPABASE_URL: 'https://bench.supabase.co',
        VITE_SUPABASE_ANON_KEY: ANON_KEY,
      },
    },
  )
  const manifest = JSON.parse(readFileSync(join(OUT_DIR, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry)
  if (!entry) throw new Error('no entry chunk in the build manifest')

  const closure = (key: string, into = new Set<string>()) => {
    if (into.has(key)) return into
    into.add(key)
    for (const dep of manifest[key]?.imports ?? []) closure(dep, into)
    return into
  }
  const jsKb = (keys: Iterable<string>) =>
    [...keys].reduce((sum, key) => sum + gzipKb(join(OUT_DIR, manifest[key].file)), 0)
  const initial = closure(entry[0])
  const initialJs = jsKb(initial)
  // The market page paints before supabase-js arrives (src/lib/load-supabase.ts), but it needs
  // the client for its prices right after: report that too, so the split hides nothing.
  // src/lib/supabase.ts, as its own entry or as the shared chunk Rolldown names after it
  const client = Object.keys(manifest).find(
    (key) => key.endsWith('src/lib/supabase.ts') || /^_supabase-[\w-]+\.js$/.test(key),
  )
  const clientChunks = client ? [...closure(client)].filter((key) => !initial.has(key)) : []
  const clientJs = jsKb(clientChunks)
  const initialCss = [...initial]
    .flatMap((key) => manifest[key].css ?? [])
    .reduce((sum, file) => sum + gzipKb(join(OUT_DIR, file)), 0)

  const allJs = Object.values(manifest)
    .filter((chunk) => chunk.file.endsWith('.js'))
    .reduce((sum, chunk) => sum + gzipKb(join(OUT_DIR, chunk.file)), 0)
  const chartInInitial = [...initial].some((key) => /lightweight-charts/.test(key))
  const html = readFileSync(join(OUT_DIR, 'index.html'), 'utf8')
  const cssInlined = /<style>/.test(html) && !/<link rel="stylesheet"/.test(html)

  return [
    {
      name: 'initial-route JS (gzip)',
      value: initialJs,
      unit: 'KB',
      note: `${initial.size} chunks; budget ${BUDGET_KB} KB`,
    },
    { name: 'initial JS / budget', value: initialJs / BUDGET_KB, unit: '×', note: 'goal ≤ 1' },
    {
      name: 'supabase-js chunk, loaded after the first paint (gzip)',
      value: clientJs,
      unit: 'KB',
      note: client
        ? `landing page with live prices: ${(initialJs + clientJs).toFixed(1)} KB`
        : 'not split',
    },
    {
      name: 'initial CSS (gzip)',
      value: initialCss,
      unit: 'KB',
      note: cssInlined ? 'inlined in index.html (no request before the first paint)' : 'a file',
    },
    { name: 'index.html (gzip)', value: gzipKb(join(OUT_DIR, 'index.html')), unit: 'KB' },
    {
      name: 'all JS, every route (gzip)',
      value: allJs,
      unit: 'KB',
      note: 'lazy routes and the chart load on demand',
    },
    {
      name: 'chart library in the initial route',
      value: chartInInitial ? 1 : 0,
      unit: '',
      note: 'goal 0',
    },
  ]
}

if (process.argv[1] === import.meta.filename) console.table(await run())
