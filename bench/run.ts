/**
 * Runs every benchmark module in bench/ (each exports `run(): Promise<BenchResult[]>`) and
 * writes bench/RESULTS.md with the command that produced it. Targets are judged on ratios
 * against a baseline measured in the same run, because these machines are noisy.
 * Usage: npm run bench [-- <name filter>...]
 */
import { readdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { basename, join } from 'node:path'

export interface BenchResult {
  name: string
  value: number
  unit: string
  note?: string
}

const dir = import.meta.dirname
const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-'))
const modules = readdirSync(dir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'run.ts')
  .filter((file) => !file.startsWith('_'))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort()

const sections: string[] = []
let failed = false
for (const file of modules) {
  const name = basename(file, '.ts')
  console.log(`\n== ${name}`)
  const started = performance.now()
  try {
    const mod = (await import(join(dir, file))) as { run?: () => Promise<BenchResult[]> }
    if (typeof mod.run !== 'function') continue
    const results = await mod.run()
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    const rows = results.map(
      (r) => `| ${r.name} | ${formatValue(r.value)} ${r.unit} | ${r.note ?? ''} |`,
    )
    for (const r of results)
      console.log(`  ${r.name}: ${formatValue(r.value)} ${r.unit} ${r.note ?? ''}`)
    sections.push(
      `## ${name} (${seconds} s)\n\n| measure | value | note |\n|---|---|---|\n${rows.join('\n')}\n`,
    )
  } catch (error) {
    failed = true
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
    console.error(message)
    sections.push(`## ${name}\n\nFAILED: ${message.split('\n')[0]}\n`)
  }
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1)
}

const command = `npm run bench${filters.length ? ` -- ${filters.join(' ')}` : ''}`
const header = [
  '# Benchmark results',
  '',
  `Produced by \`${command}\` on ${new Date().toISOString()}`,
  `(Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB).`,
  'Targets are checked as ratios to a baseline measured in the same run.',
  '',
].join('\n')
if (filters.length === 0)
  writeFileSync(join(dir, 'RESULTS.md'), `${header}\n${sections.join('\n')}`)
else console.log('\n(partial run: bench/RESULTS.md left unchanged)')
process.exit(failed ? 1 : 0)
