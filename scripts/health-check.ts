/**
 * Checks that a Supabase deployment answers on all three APIs the app uses: REST (the
 * `stocks` table), Auth (`/auth/v1/health`) and Realtime (joins a channel).
 * Usage: tsx scripts/health-check.ts --url https://xyz.supabase.co --anon-key <key>
 * Exit code 0 when all pass, 1 otherwise; one line per check.
 */
import { createClient } from '@supabase/supabase-js'
import { parseArgs } from 'node:util'
import WebSocket from 'ws'

export interface CheckResult {
  name: 'rest' | 'auth' | 'realtime'
  ok: boolean
  ms: number
  detail: string
}

async function timed(
  name: CheckResult['name'],
  timeoutMs: number,
  check: () => Promise<string>,
): Promise<CheckResult> {
  const started = performance.now()
  try {
    const detail = await Promise.race([
      check(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs),
      ),
    ])
    return { name, ok: true, ms: Math.round(performance.now() - started), detail }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return { name, ok: false, ms: Math.round(performance.now() - started), detail }
  }
}

export async function healthCheck(
  url: string,
  anonKey: string,
  { timeoutMs = 10_000 } = {},
): Promise<CheckResult[]> {
  const supabase = createClient(url, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    // Node 20 has no global WebSocket.
    realtime: { transport: WebSocket as never },
  })
  try {
    return [
      await timed('rest', timeoutMs, async () => {
        const { count, error } = await supabase
          .from('stocks')
          .select('symbol', { count: 'exact' })
          .limit(1)
        if (error) throw new Error(`${error.code ?? 'HTTP error'}: ${error.message}`)
        return `${count} stocks`
      }),
      await timed('auth', timeoutMs, async () => {
        const response = await fetch(`${url}/auth/v1/health`, { headers: { apikey: anonKey } })
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        return `HTTP ${response.status}`
      }),
      await timed('realtime', timeoutMs, async () => {
        const channel = supabase.channel(`health-check-${Date.now()}`)
        try {
          await new Promise<void>((resolve, reject) => {
            channel.subscribe((status, error) => {
              if (status === 'SUBSCRIBED') resolve()
              else if (status !== 'CLOSED') reject(error ?? new Error(status))
            })
          })
          return 'joined a channel'
        } finally {
          await supabase.removeChannel(channel)
        }
      }),
    ]
  } finally {
    await supabase.removeAllChannels()
    supabase.realtime.disconnect()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { url: { type: 'string' }, 'anon-key': { type: 'string' } },
  })
  const url = values.url ?? process.env.VITE_SUPABASE_URL
  const anonKey = values['anon-key'] ?? process.env.VITE_SUPABASE_ANON_KEY
  if (!url || !anonKey) {
    console.error('usage: health-check --url <supabase url> --anon-key <anon key>')
    process.exit(2)
  }
  const results = await healthCheck(url, anonKey)
  for (const r of results) {
    console.log(
      `${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(8)} ${String(r.ms).padStart(5)} ms  ${r.detail}`,
    )
  }
  process.exit(results.every((r) => r.ok) ? 0 : 1)
}
