/**
 * Main-thread cost of live prices: the market page with 500 stocks, the market ticking at
 * 1 Hz. Ticks are driven from here (service role calls market_tick) so an idle window of the
 * same length is the baseline: per-tick cost = (busy − idle) main-thread time / ticks.
 * Goal ≤ 4 ms per tick and no long task (> 50 ms) while ticking.
 * Baseline (same browser, same run): a copy of the rendered market page with no app in it,
 * whose rows on screen get the same writes a tick makes (price, change, % and volume text,
 * the price's flash on and off) from a plain 1 Hz timer: what Chromium on this machine needs
 * to show a tick at all, with no transport, store or framework. per tick / baseline says how
 * much the app adds to that floor.
 * TaskDuration is wall time: on a loaded machine a task that waits for a core counts too. The
 * main thread's CPU time over the same windows (ThreadTime) is reported beside it, as a
 * diagnostic of how much of that is work.
 * Alone: npx tsx bench/app-tick.ts
 */
import { cpus, loadavg } from 'node:os'
import { createClient } from '@supabase/supabase-js'
import { chromium } from 'playwright-core'
import WebSocket from 'ws'
import { SERVICE_ROLE_KEY } from '../local-supabase/config.ts'
import { CHROMIUM_FLAGS, CHROMIUM_PATH, startAppServer } from './_app-server.ts'
import type { BenchResult } from './run.ts'

const STOCKS = 500
const TICKS = 20

export async function run(): Promise<BenchResult[]> {
  const server = await startAppServer({ tickMs: 0 })
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined
  try {
    const admin = createClient(server.stackUrl, SERVICE_ROLE_KEY, {
      auth: { persistSession: false, autoRefreshToken: false },
      // Node 20 has no global WebSocket.
      realtime: { transport: WebSocket as never },
    })
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS })
    const { count, error: countError } = await admin
      .from('stocks')
      .select('symbol', { count: 'exact', head: true })
    if (countError) throw new Error(countError.message)
    const extra = Array.from({ length: STOCKS - (count ?? 0) }, (_, i) => {
      const price = 20 + ((i * 37) % 400)
      return {
        symbol: `SYN${String(i).padStart(3, '0')}`,
        name: `Synthetic ${i}`,
        exchange: 'NYSE',
        sector: 'Industrials',
        currency: 'USD',
        price,
        previous_close: price,
        day_open: price,
        day_high: price,
        day_low: price,
        volume: 0,
        volatility: 0.3,
        drift: 0.05,
      }
    })
    if (extra.length > 0) {
      const { error } = await admin.from('stocks').insert(extra)
      if (error) throw new Error(`inserting synthetic stocks: ${error.message}`)
    }
    const tick = async () => {
      const { error } = await admin.rpc('market_tick')
      if (error) throw new Error(`market_tick: ${error.message}`)
    }
    await tick()

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] }
      w.__longTasks = []
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longTasks.push(entry.duration)
      }).observe({ type: 'longtask', buffered: true })
    })
    await page.goto(server.appUrl)
    // Ready when the table holds all 500 stocks: either 500 rendered rows, or (a windowed table
    // that renders only the rows near the screen) aria-rowcount = 500 + the header row.
    await page.waitForFunction(
      (stocks) => {
        const table = document.querySelector('table[aria-label="Stocks"]')
        if (!table) return false
        const rowCount = Number(table.getAttribute('aria-rowcount'))
        return rowCount > stocks || table.querySelectorAll('tbody tr').length >= stocks
      },
      STOCKS,
      { timeout: 60_000 },
    )
    await page.getByRole('row').nth(1).waitFor()
    const app = await measureTicks(page, tick)

    // The floor: the page as rendered, scripts removed, ticked by a timer in the page.
    const snapshot = (await page.content())
      .replace(/<script\b[\s\S]*?<\/script>/gi, '')
      .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, '')
    await page.close()
    const floorPage = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await floorPage.setContent(snapshot)
    await floorPage.evaluate(installFloorTick)
    const floor = await measureTicks(floorPage, () =>
      floorPage.evaluate(() => (window as unknown as { __floorTick(): number }).__floorTick()),
    )
    const load = loadavg()[0]
    const perTick = app.perTick
    const floorTick = floor.perTick('task')
    const longTasks = app.longTasks

    return [
      {
        name: 'main-thread time per tick, 500 stocks',
        value: perTick('task'),
        unit: 'ms',
        note: 'goal ≤ 4 ms; (busy − idle) / ticks',
      },
      {
        name: 'of which script per tick',
        value: perTick('script'),
        unit: 'ms',
      },
      {
        name: 'of which style and layout per tick',
        value: perTick('layout'),
        unit: 'ms',
        note: 'the rest: paint, layerize, commit and the fixed cost of a frame; a tick paints two (new prices, end of their flash)',
      },
      {
        name: 'main-thread CPU time per tick (diagnostic)',
        value: perTick('cpu'),
        unit: 'ms',
        note: `the work in the time above (ThreadTime); load average ${load.toFixed(1)} on ${cpus().length} cores`,
      },
      {
        name: 'main-thread time per second, idle baseline',
        value: app.idlePerSecond,
        unit: 'ms',
      },
      {
        name: 'baseline: the same writes with no app, per tick',
        value: floorTick,
        unit: 'ms',
        note: 'a scriptless copy of the page; a timer writes the rows on screen as a tick does',
      },
      {
        name: 'per tick / baseline',
        value: perTick('task') / floorTick,
        unit: '×',
        note: 'what the app adds to what any page needs to show the same tick',
      },
      {
        name: 'long tasks (> 50 ms) while ticking',
        value: longTasks.length,
        unit: '',
        note: longTasks.length ? `longest ${Math.max(...longTasks).toFixed(0)} ms` : 'goal 0',
      },
    ]
  } finally {
    await browser?.close()
    await server.stop()
  }
}

type Page = Awaited<ReturnType<Awaited<ReturnType<typeof chromium.launch>>['newPage']>>

/**
 * Main-thread time of `page` over TICKS seconds idle, then over TICKS calls of `tick` a second
 * apart: per-tick cost = (busy − idle) / TICKS, and the long tasks seen while ticking.
 */
async function measureTicks(page: Page, tick: () => Promise<unknown>) {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] }
    if (w.__longTasks) return
    w.__longTasks = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration)
    }).observe({ type: 'longtask' })
  })
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  const sample = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics')
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0
    return {
      task: get('TaskDuration'),
      script: get('ScriptDuration'),
      layout: get('LayoutDuration') + get('RecalcStyleDuration'),
      cpu: get('ThreadTime'),
    }
  }
  type Sample = Awaited<ReturnType<typeof sample>>
  const diff = (a: Sample, b: Sample) => ({
    task: b.task - a.task,
    script: b.script - a.script,
    layout: b.layout - a.layout,
    cpu: b.cpu - a.cpu,
  })
  await page.waitForTimeout(2000)

  const idleStart = await sample()
  await page.waitForTimeout(TICKS * 1000)
  const idle = diff(idleStart, await sample())

  await page.evaluate(() => {
    ;(window as unknown as { __longTasks: number[] }).__longTasks = []
  })
  const busyStart = await sample()
  for (let i = 0; i < TICKS; i++) {
    const started = Date.now()
    await tick()
    await page.waitForTimeout(Math.max(0, 1000 - (Date.now() - started)))
  }
  const busy = diff(busyStart, await sample())
  const longTasks = await page.evaluate(
    () => (window as unknown as { __longTasks: number[] }).__longTasks,
  )
  await cdp.detach()
  return {
    perTick: (key: keyof Sample) => ((busy[key] - idle[key]) * 1000) / TICKS,
    idlePerSecond: (idle.task * 1000) / TICKS,
    longTasks,
  }
}

/**
 * Runs in the scriptless copy of the market page: defines __floorTick, which writes into every
 * row within 200 px of the screen (the app's in-view margin) what a tick writes there: new
 * price, change, % and volume text, the change's colour when its sign flips, and a flash on the
 * price that one timer ends 600 ms later.
 */
function installFloorTick() {
  const w = window as unknown as { __floorTick(): number }
  let n = 0
  w.__floorTick = () => {
    n++
    const flashed: Element[] = []
    // Every row's position first, then the writes: reading a position after a write forces a
    // layout, once per row (the app finds its rows with an IntersectionObserver, no reads).
    const rows = Array.from(document.querySelectorAll('tbody tr'), (row) => ({
      row,
      box: row.getBoundingClientRect(),
    }))
    for (const { row, box } of rows) {
      if (box.bottom < -200 || box.top > innerHeight + 200) continue
      const [price, change, ratio, volume] = Array.from(row.querySelectorAll('.repaint-in-place'))
      if (!price) continue
      const move = Math.sin(n * 1.7 + box.top) * 2
      const up = move >= 0
      // as the app writes a number: into the text node that is there, not a new one (and no
      // named helper: the bundler would wrap it in a function this page does not have)
      for (const [cell, text] of [
        [price, `$${(200 + move).toFixed(2)}`],
        [change, `${up ? '+' : '-'}$${Math.abs(move).toFixed(2)}`],
        [ratio, `${up ? '+' : '-'}${Math.abs(move / 2).toFixed(2)}%`],
        [volume, `${(10 + n / 100).toFixed(2)}M`],
      ] as const) {
        if (cell?.firstChild) cell.firstChild.nodeValue = text
      }
      for (const cell of [change, ratio]) {
        cell?.classList.toggle('text-up', up)
        cell?.classList.toggle('text-down', !up)
      }
      price.setAttribute('data-flash', up ? 'up' : 'down')
      flashed.push(price)
    }
    setTimeout(() => {
      for (const element of flashed) element.removeAttribute('data-flash')
    }, 600)
    return flashed.length
  }
}

if (process.argv[1] === import.meta.filename) console.table(await run())
