import pg from 'pg'
import { openTradingStack, place, type TradingStack } from './stack-helpers.ts'

// market_tick against clients holding locks, interleaved step by step on separate connections.
// Needs a real PostgreSQL (DATABASE_URL, as in .ci/run): PGlite has a single connection.

describe.skipIf(!process.env.DATABASE_URL)('market_tick and client locks (PostgreSQL)', () => {
  let t: TradingStack
  const connections: pg.Client[] = []

  beforeAll(async () => {
    t = await openTradingStack()
  })
  afterEach(async () => {
    await Promise.all(connections.splice(0).map((connection) => connection.end()))
  })
  afterAll(async () => {
    await t?.stop()
  })

  async function connect(): Promise<pg.Client> {
    const connection = new pg.Client({ connectionString: t.stack.databaseUrl ?? undefined })
    await connection.connect()
    connections.push(connection)
    return connection
  }

  /** Resolves once `connection`'s current statement waits for a lock another session holds. */
  async function blocked(connection: pg.Client): Promise<void> {
    const pid = (connection as unknown as { processID: number }).processID
    for (let attempt = 0; attempt < 200; attempt++) {
      const { rows } = await t.stack.db.query<{ waiting: boolean }>(
        `select wait_event_type = 'Lock' as waiting from pg_catalog.pg_stat_activity where pid = $1`,
        [pid],
      )
      if (rows[0]?.waiting) return
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    throw new Error(`session ${pid} never waited for a lock`)
  }

  /** Runs `sql` in a transaction as the signed-in user `userId`, the way PostgREST does. */
  function asUser(connection: pg.Client, userId: string, sql: string) {
    const claims = JSON.stringify({ sub: userId, role: 'authenticated' })
    return connection.query(
      `begin;
       select set_config('role', 'authenticated', true), set_config('request.jwt.claims', '${claims}', true);
       ${sql}`,
    )
  }

  it('does not deadlock with delete_my_account when the user has an alert that fires', async () => {
    const { client, id } = await t.signUp()
    // a resting order the tick does not fill, and an alert it does fire
    await place(client, {
      p_symbol: 'AAPL',
      p_side: 'buy',
      p_quantity: 1,
      p_type: 'limit',
      p_limit_price: 1,
    })
    const { error } = await client.from('wishlists').insert({ symbol: 'KO', alert_above: 1 })
    expect(error).toBeNull()

    // Another session holds the user's orders, so the deletion stops halfway: its profile
    // locked and deleted, its cascade not yet at the watchlist.
    const holder = await connect()
    await holder.query('begin')
    await holder.query('select 1 from public.orders where user_id = $1 for update', [id])
    const deleter = await connect()
    const deletion = asUser(deleter, id, 'select public.delete_my_account(); commit;')
    await blocked(deleter)
    const ticker = await connect()
    const tick = ticker.query('select public.market_tick() as summary')
    await blocked(ticker)
    await holder.query('commit')

    const [deleted, ticked] = await Promise.allSettled([deletion, tick])
    expect(deleted.status).toBe('fulfilled')
    expect(ticked.status).toBe('fulfilled')
    const { rows } = await t.stack.db.query<{ left: number }>(
      `select (select count(*) from public.profiles where id = $1)
         + (select count(*) from public.wishlists where user_id = $1)
         + (select count(*) from public.alert_events where user_id = $1) as left`,
      [id],
    )
    expect(Number(rows[0].left)).toBe(0)
  })

  it("neither waits for nor deadlocks with a client's watchlist update; skipped alerts fire next tick", async () => {
    const { client, id } = await t.signUp()
    const { error } = await client.from('wishlists').insert([
      { symbol: 'KO', alert_above: 1 },
      { symbol: 'AAPL', alert_above: 1 },
    ])
    expect(error).toBeNull()
    const fired = async () => {
      const { rows } = await t.stack.db.query<{ symbol: string }>(
        'select symbol from public.alert_events where user_id = $1 order by symbol',
        [id],
      )
      return rows.map((row) => row.symbol)
    }

    // the client's transaction holds its KO row (an update that leaves it as it is)
    const editor = await connect()
    await asUser(editor, id, `update public.wishlists set alert_above = 1 where symbol = 'KO';`)
    const ticker = await connect()
    await ticker.query(`set statement_timeout = '5s'`)
    await ticker.query('select public.market_tick()')
    expect(await fired()).toEqual(['AAPL'])

    await editor.query('commit')
    await t.tick()
    expect(await fired()).toEqual(['AAPL', 'KO'])
  })
})
