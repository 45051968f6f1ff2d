import WebSocket from 'ws'
import { startLocalStack, type LocalStack } from './testing.ts'

describe('startLocalStack', () => {
  let stack: LocalStack
  beforeAll(async () => {
    stack = await startLocalStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  it('serves on an ephemeral 127.0.0.1 port with the demo keys', async () => {
    expect(stack.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(stack.url).not.toBe('http://127.0.0.1:54321')
    const res = await fetch(`${stack.url}/health`)
    expect(res.status).toBe(200)
    expect(stack.anonKey.split('.')).toHaveLength(3)
    expect(stack.serviceRoleKey).not.toBe(stack.anonKey)
  })

  it('has applied the project migrations', async () => {
    const { rows } = await stack.db.query<{ version: string }>(
      'select version from supabase_migrations.schema_migrations order by version',
    )
    expect(rows.length).toBeGreaterThan(0)
    const { rows: tables } = await stack.db.query(`select to_regclass('public.stocks') as t`)
    expect(tables).toEqual([{ t: 'stocks' }])
  })

  it('signs up a user through the real auth endpoints', async () => {
    const { client, user, session } = await stack.signUp({
      email: 'ada@example.test',
      password: 'a-long-password',
    })
    expect(user.email).toBe('ada@example.test')
    expect(session.access_token).toBeTruthy()
    const { data } = await client.auth.getUser()
    expect(data.user?.id).toBe(user.id)
    const { rows } = await stack.db.query('select email from auth.users where id = $1', [user.id])
    expect(rows).toEqual([{ email: 'ada@example.test' }])
  })

  it('signs in anonymously and makes up distinct e-mails by default', async () => {
    const guest = await stack.signUp({ anonymous: true })
    expect(guest.user.is_anonymous).toBe(true)
    const a = await stack.signUp()
    const b = await stack.signUp()
    expect(a.user.email).not.toBe(b.user.email)
  })

  it('gives each call its own database', async () => {
    const other = await startLocalStack()
    try {
      await stack.db.exec('create table public.only_in_first (id int)')
      const { rows } = await other.db.query(`select to_regclass('public.only_in_first') as t`)
      expect(rows).toEqual([{ t: null }])
    } finally {
      await other.stop()
    }
  })

  it('accepts realtime WebSocket connections', async () => {
    const ws = new WebSocket(
      `${stack.url.replace('http', 'ws')}/realtime/v1/websocket?apikey=${stack.anonKey}&vsn=1.0.0`,
    )
    await new Promise((resolve, reject) => {
      ws.once('open', resolve)
      ws.once('error', reject)
    })
    ws.close()
  })

  it('stops: the port no longer answers', async () => {
    const extra = await startLocalStack()
    await extra.stop()
    await expect(fetch(`${extra.url}/health`)).rejects.toThrow()
    // auth-js logs the failed fetch before returning it as an error: expected here, so kept quiet.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { error } = await extra.client().auth.signInAnonymously()
    expect(error).not.toBeNull()
    expect(logged).toHaveBeenCalled()
    logged.mockRestore()
  })
})
