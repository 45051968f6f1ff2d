import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { ANON_KEY } from './config.ts'
import { testTempDir } from './test-temp-dir.ts'
import { createTestClient } from './testing.ts'

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}

function startCli(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local-supabase/cli.ts', ...args], {
    env: { ...process.env, DATABASE_URL: '', MARKET_TICK_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output = { stdout: '', stderr: '' }
  child.stdout.on('data', (chunk) => (output.stdout += chunk))
  child.stderr.on('data', (chunk) => (output.stderr += chunk))
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  return { child, output, exited }
}

async function waitFor(
  check: () => boolean,
  child: ChildProcess,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (child.exitCode !== null) throw new Error('CLI exited early')
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('npm run supabase:local', () => {
  it('starts, prints URL, keys and "ready", serves supabase-js, and exits 0 on SIGINT', async () => {
    const port = await freePort()
    const dataDir = join(testTempDir('cli-test-'), 'data')
    // Persisted to a directory of its own (never the developer's .local-supabase/data).
    const cli = startCli({ LOCAL_SUPABASE_PORT: String(port), LOCAL_SUPABASE_DATA_DIR: dataDir }, [
      '--reset',
    ])
    let exitCode: number | null
    try {
      await waitFor(() => cli.output.stdout.includes('ready'), cli.child)
      expect(cli.output.stdout).toContain(`API URL: http://127.0.0.1:${port}`)
      expect(cli.output.stdout).toContain(`anon key: ${ANON_KEY}`)
      expect(cli.output.stdout).toMatch(/service_role key: eyJ/)

      const client = createTestClient(`http://127.0.0.1:${port}`, ANON_KEY)
      const { data, error } = await client.auth.signInAnonymously()
      expect(error).toBeNull()
      expect(data.user?.is_anonymous).toBe(true)
    } finally {
      // Wait for the exit even on failure: the data dir is removed when the test finishes.
      cli.child.kill('SIGINT')
      exitCode = await cli.exited
    }
    expect(exitCode).toBe(0)
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow()
  })

  it('exits 1 with one line when the port is in use', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as AddressInfo).port
    try {
      const cli = startCli({
        LOCAL_SUPABASE_PORT: String(port),
        LOCAL_SUPABASE_DATA_DIR: '/nonexistent',
      })
      expect(await cli.exited).toBe(1)
      expect(cli.output.stderr.trim()).toBe(
        `Port ${port} is already in use — is another local stack running? Set LOCAL_SUPABASE_PORT to use another port.`,
      )
    } finally {
      blocker.close()
    }
  })

  it('rejects a malformed port setting by name, in one line', async () => {
    const cli = startCli({ LOCAL_SUPABASE_PORT: 'abc' })
    expect(await cli.exited).toBe(1)
    expect(cli.output.stderr.trim()).toBe('LOCAL_SUPABASE_PORT must be a port number, got "abc"')
  })
})
