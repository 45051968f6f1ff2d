import type { RealtimePostgresChangesPayload } from '@supabase/supabase-js'
import { startJanitor } from './janitor.ts'
import {
  sleep,
  startRealtimeTestServer,
  subscribe,
  userToken,
  waitFor,
  type RealtimeTestServer,
} from './test-support.ts'

const USER_A = '11111111-1111-4111-8111-111111111111'
const USER_B = '22222222-2222-4222-8222-222222222222'

const SCHEMA = `
create table public.notes (
  id bigserial primary key,
  owner uuid not null,
  body text not null,
  amount numeric(12,2) not null default 0,
  tags text[] not null default '{}',
  created_at timestamptz not null default now()
);
alter table public.notes enable row level security;
create policy "Users can read their own notes" on public.notes
  for select to authenticated using ((select auth.uid()) = owner);
alter publication supabase_realtime add table public.notes;

create table public.quotes (symbol text primary key, price numeric not null);
alter table public.quotes enable row level security;
create policy "Anyone can read quotes" on public.quotes for select to anon, authenticated using (true);
alter publication supabase_realtime add table public.quotes;

create table public.unpublished (id int primary key);

create table public.boards (id int primary key, title text not null);
alter table public.boards replica identity full;
create table public.tags (id int primary key, label text not null);
alter publication supabase_realtime add table public.boards, public.tags;
`

type Note = { id: number; owner: string; body: string; amount: number; tags: string[] }
type Change = RealtimePostgresChangesPayload<Note>

let server: RealtimeTestServer

beforeAll(async () => {
  server = await startRealtimeTestServer(SCHEMA)
})
afterAll(async () => {
  await server?.stop()
})

const insertNote = (owner: string, body: string) =>
  server.db.query(
    'insert into public.notes (owner, body, amount, tags) values ($1, $2, 12.5, $3)',
    [owner, body, '{a,b}'],
  )

describe('broadcast from the database (realtime.send)', () => {
  it('arrives only after commit, and never on rollback', async () => {
    const received: Array<{ event: string; payload: unknown }> = []
    const channel = server
      .client()
      .channel('market')
      .on('broadcast', { event: '*' }, (m) => received.push({ event: m.event, payload: m.payload }))
    expect((await subscribe(channel)).status).toBe('SUBSCRIBED')

    await server.db.transaction(async (tx) => {
      await tx.query(`select realtime.send('{"n":1}'::jsonb, 'tick', 'market', false)`)
      await sleep(150)
      expect(received).toEqual([])
    })
    await waitFor(() => received.length === 1)
    expect(received[0]).toEqual({ event: 'tick', payload: { n: 1 } })

    await expect(
      server.db.transaction(async (tx) => {
        await tx.query(`select realtime.send('{"n":2}'::jsonb, 'tick', 'market', false)`)
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    await server.db.query(`select realtime.send('{"n":3}'::jsonb, 'tick', 'market', false)`)
    await waitFor(() => received.length === 2)
    await sleep(50)
    expect(received.map((m) => m.payload)).toEqual([{ n: 1 }, { n: 3 }])
  })
})

describe('postgres_changes', () => {
  it('replies with binding ids, then "Subscribed to PostgreSQL"; unknown tables get a system error', async () => {
    const system: Array<{ status: string; message: string }> = []
    const channel = server
      .client()
      .channel('changes-meta')
      .on('postgres_changes', { event: '*', schema: 'public', table: 'quotes' }, () => {})
      .on('system', {}, (p) => system.push(p))
    expect((await subscribe(channel)).status).toBe('SUBSCRIBED')
    await waitFor(() => system.length === 1)
    expect(system[0]).toMatchObject({ status: 'ok', message: 'Subscribed to PostgreSQL' })

    const bad: Array<{ status: string; message: string }> = []
    const badChannel = server
      .client()
      .channel('changes-bad')
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'nope' }, () => {})
      .on('system', {}, (p) => bad.push(p))
    expect((await subscribe(badChannel)).status).toBe('SUBSCRIBED')
    await waitFor(() => bad.length === 1)
    expect(bad[0]).toMatchObject({
      status: 'error',
      message:
        'Unable to subscribe to changes with given parameters. Please check Realtime is enabled ' +
        'for the given connect parameters: [event: INSERT, schema: public, table: nope, filters: [], select: nil]',
    })

    const messages: string[] = []
    const filtered = server
      .client()
      .channel('changes-bad-filters')
      .on(
        'postgres_changes',
        { event: '*', schema: 'public', table: 'quotes', filter: 'wrong' },
        () => {},
      )
      .on(
        'postgres_changes',
        { event: '*', schema: 'public', table: 'quotes', filter: 'nope=eq.1' },
        () => {},
      )
      .on('broadcast', { event: 'still-works' }, (m) => messages.push(m.event))
      .on('system', {}, (p) => messages.push(p.message))
    expect((await subscribe(filtered)).status).toBe('SUBSCRIBED')
    await waitFor(() => messages.length === 1)
    expect(messages[0]).toBe('Error parsing `filter` params: ["wrong"]')
    await server.db.query(
      `select realtime.send('{}'::jsonb, 'still-works', 'changes-bad-filters', false)`,
    )
    await waitFor(() => messages.length === 2)
    expect(messages[1]).toBe('still-works')
  })

  it('delivers a filtered insert with values converted by column type', async () => {
    const token = await userToken(USER_A)
    const changes: Change[] = []
    const channel = server
      .client({ token })
      .channel('a-notes')
      .on(
        'postgres_changes',
        { event: 'INSERT', schema: 'public', table: 'notes', filter: `owner=eq.${USER_A}` },
        (p) => changes.push(p as Change),
      )
    expect((await subscribe(channel)).status).toBe('SUBSCRIBED')
    await insertNote(USER_A, 'first')
    await waitFor(() => changes.length === 1)
    const change = changes[0]
    expect(change).toMatchObject({
      schema: 'public',
      table: 'notes',
      eventType: 'INSERT',
      errors: null,
    })
    expect(change.new).toMatchObject({
      owner: USER_A,
      body: 'first',
      amount: 12.5,
      tags: ['a', 'b'],
    })
    expect(typeof (change.new as Note).id).toBe('number')
    expect(change.commit_timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  it('never delivers a row to a subscriber RLS hides it from (user B, anon)', async () => {
    const fromA: Change[] = []
    const fromB: Change[] = []
    const fromAnon: Change[] = []
    const binding = { event: '*', schema: 'public', table: 'notes' } as const
    const a = server
      .client({ token: await userToken(USER_A) })
      .channel('all-notes')
      .on('postgres_changes', binding, (p) => fromA.push(p as Change))
    const b = server
      .client({ token: await userToken(USER_B) })
      .channel('all-notes')
      .on('postgres_changes', binding, (p) => fromB.push(p as Change))
    const anon = server
      .client()
      .channel('all-notes')
      .on('postgres_changes', binding, (p) => fromAnon.push(p as Change))
    for (const channel of [a, b, anon]) expect((await subscribe(channel)).status).toBe('SUBSCRIBED')

    await insertNote(USER_A, 'secret of A')
    await insertNote(USER_B, 'secret of B')
    await server.db.query(`update public.notes set body = 'edited by A' where body = 'secret of A'`)
    await waitFor(() => fromA.length === 2 && fromB.length === 1)
    // Changes are delivered in commit order, so B's own row arriving means A's was decided.
    await sleep(100)
    expect(fromA.map((c) => [c.eventType, (c.new as Note).body])).toEqual([
      ['INSERT', 'secret of A'],
      ['UPDATE', 'edited by A'],
    ])
    expect(fromA[1].old).toEqual({ id: (fromA[0].new as Note).id })
    expect(fromB.map((c) => (c.new as Note).body)).toEqual(['secret of B'])
    expect(fromAnon).toEqual([])
  })

  it('switches identity on access_token and closes the channel on an expired one', async () => {
    const client = server.client()
    const changes: Change[] = []
    const sentinels: unknown[] = []
    const statuses: string[] = []
    const channel = client
      .channel('token-swap')
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'notes' }, (p) =>
        changes.push(p as Change),
      )
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'quotes' }, (p) =>
        sentinels.push(p.new),
      )
    channel.subscribe((status) => statuses.push(status))
    await waitFor(() => statuses.includes('SUBSCRIBED'))

    await insertNote(USER_A, 'before token')
    // Changes are decided in commit order: once the later (anon-visible) quote arrives, the
    // note before it was judged with the anon key.
    await server.db.query(`insert into public.quotes values ('SENTINEL', 1)`)
    await waitFor(() => sentinels.length === 1)
    await client.realtime.setAuth(await userToken(USER_A))
    await sleep(300)
    await insertNote(USER_A, 'after token')
    await waitFor(() => changes.length === 1)
    expect((changes[0].new as Note).body).toBe('after token')

    await client.realtime.setAuth(await userToken(USER_A, -5))
    await waitFor(() => statuses.includes('CLOSED'))
  })

  it('routes by binding id and event, filters updates, sends only the key of deleted rows', async () => {
    type Quote = { symbol: string; price: number }
    const updates: Array<RealtimePostgresChangesPayload<Quote>> = []
    const deletes: Array<RealtimePostgresChangesPayload<Quote>> = []
    const table = { schema: 'public', table: 'quotes' }
    const channel = server
      .client()
      .channel('quotes')
      .on('postgres_changes', { event: 'UPDATE', ...table, filter: 'symbol=in.(AAPL,MSFT)' }, (p) =>
        updates.push(p as RealtimePostgresChangesPayload<Quote>),
      )
      .on('postgres_changes', { event: 'DELETE', ...table, filter: 'symbol=eq.AAPL' }, (p) =>
        deletes.push(p as RealtimePostgresChangesPayload<Quote>),
      )
    expect((await subscribe(channel)).status).toBe('SUBSCRIBED')
    await server.db.exec(`
      insert into public.quotes values ('AAPL', 100), ('MSFT', 200), ('TSLA', 300);
      update public.quotes set price = price + 1;
    `)
    await waitFor(() => updates.length === 2)
    await server.db.exec(`delete from public.quotes where symbol in ('AAPL', 'TSLA')`)
    await waitFor(() => deletes.length === 1)
    await sleep(100)
    expect(updates.map((u) => [u.eventType, u.new]).sort()).toEqual([
      ['UPDATE', { symbol: 'AAPL', price: 101 }],
      ['UPDATE', { symbol: 'MSFT', price: 201 }],
    ])
    expect(deletes).toHaveLength(1)
    expect(deletes[0]).toMatchObject({ eventType: 'DELETE', new: {}, old: { symbol: 'AAPL' } })
  })

  it('sends the whole old row only for REPLICA IDENTITY FULL tables without RLS', async () => {
    const olds: Array<[string, Record<string, unknown>]> = []
    const channel = server
      .client({ token: await userToken(USER_A) })
      .channel('identity')
      .on('postgres_changes', { event: 'UPDATE', schema: 'public' }, (p) =>
        olds.push([p.table, p.old]),
      )
    expect((await subscribe(channel)).status).toBe('SUBSCRIBED')
    await server.db.exec(`
      insert into public.boards values (1, 'before');
      insert into public.tags values (1, 'before');
      update public.boards set title = 'after';
      update public.tags set label = 'after';
    `)
    await waitFor(() => olds.length === 2)
    expect(Object.fromEntries(olds)).toEqual({
      boards: { id: 1, title: 'before' },
      tags: { id: 1 },
    })
  })

  it('installs capture idempotently and only on published tables', async () => {
    await server.realtime.installChangeCapture()
    await server.realtime.installChangeCapture()
    const { rows } = await server.db.query<{ relname: string }>(
      `select c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid
        where t.tgname = 'local_realtime_capture' order by 1`,
    )
    expect(rows.map((r) => r.relname)).toEqual(['boards', 'notes', 'quotes', 'tags'])
  })
})

describe('retention', () => {
  it('keeps public messages and changes five minutes, private messages a day', async () => {
    await server.db.exec(`
      insert into realtime.messages (topic, extension, payload, event, private, inserted_at)
        values ('old', 'broadcast', '{}', 'e', false, now() - interval '6 minutes'),
               ('new', 'broadcast', '{}', 'e', false, now()),
               ('replayable', 'broadcast', '{}', 'e', true, now() - interval '6 minutes'),
               ('old-private', 'broadcast', '{}', 'e', true, now() - interval '25 hours');
      insert into realtime.local_changes (schema_name, table_name, type, commit_timestamp)
        values ('public', 'notes', 'INSERT', now() - interval '6 minutes');
    `)
    const janitor = startJanitor(server.db, () => {})
    await janitor.sweep()
    janitor.stop()
    const messages = await server.db.query<{ topic: string }>(
      `select topic from realtime.messages
        where topic in ('old', 'new', 'replayable', 'old-private') order by topic`,
    )
    expect(messages.rows.map((r) => r.topic)).toEqual(['new', 'replayable'])
    const changes = await server.db.query(
      `select 1 from realtime.local_changes where commit_timestamp < now() - interval '5 minutes'`,
    )
    expect(changes.rows).toEqual([])
  })
})
