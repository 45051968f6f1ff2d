/**
 * Lighthouse (mobile preset, the default) against the production build served locally with
 * the local stack behind it. Goal: performance score ≥ 0.99. The baseline is a static page
 * served by the same preview server in the same run: what this machine scores at best.
 */
import { writeFileSync, mkdirSync } from 'node:fs'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { CHROMIUM_FLAGS, CHROMIUM_PATH, startAppServer } from './_app-server.ts'
import type { BenchResult } from './run.ts'

const RUNS = 5

async function audit(url: string, port: number) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
  })
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`)
  const { lhr } = result
  return {
    score: lhr.categories.performance.score ?? 0,
    lcp: lhr.audits['largest-contentful-paint'].numericValue ?? NaN,
    tbt: lhr.audits['total-blocking-time'].numericValue ?? NaN,
    cls: lhr.audits['cumulative-layout-shift'].numericValue ?? NaN,
    benchmarkIndex: lhr.environment.benchmarkIndex,
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

export async function run(): Promise<BenchResult[]> {
  const server = await startAppServer({ tickMs: 1000 })
  mkdirSync('bench/.tmp/app', { recursive: true })
  writeFileSync(
    'bench/.tmp/app/baseline.html',
    '<!doctype html><html lang="en"><title>baseline</title><h1>Baseline</h1></html>',
  )
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_FLAGS,
  })
  try {
    const app = []
    const baseline = []
    for (let i = 0; i < RUNS; i++) {
      baseline.push(await audit(`${server.appUrl}/baseline.html`, chrome.port))
      app.push(await audit(`${server.appUrl}/`, chrome.port))
    }
    const score = median(app.map((r) => r.score))
    const baseScore = median(baseline.map((r) => r.score))
    return [
      {
        name: 'performance score, market page (mobile)',
        value: score,
        unit: '',
        note: `median of ${RUNS}; goal ≥ 0.99; runs ${app.map((r) => r.score).join(', ')}`,
      },
      { name: 'LCP, market page', value: median(app.map((r) => r.lcp)), unit: 'ms' },
      { name: 'TBT, market page', value: median(app.map((r) => r.tbt)), unit: 'ms' },
      { name: 'CLS, market page', value: median(app.map((r) => r.cls)), unit: '' },
      {
        name: 'performance score, static baseline page',
        value: baseScore,
        unit: '',
        note: 'same server, same run',
      },
      { name: 'score / baseline', value: score / baseScore, unit: '×' },
      {
        name: 'host CPU, Lighthouse benchmarkIndex (diagnostic)',
        value: median(app.map((r) => r.benchmarkIndex)),
        unit: '',
        note: `median of ${RUNS}: ${app.map((r) => Math.round(r.benchmarkIndex)).join(', ')}; the mobile preset slows this CPU 4× whatever it is, and Lighthouse warns below 1000 that the score suffers`,
      },
    ]
  } finally {
    chrome.kill()
    await server.stop()
  }
}

if (process.argv[1] === import.meta.filename) console.table(await run())
