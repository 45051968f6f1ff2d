import type { PGlite } from '@electric-sql/pglite'
import { asUser, rolledBack } from './engine.ts'
import { openTestDb } from './pglite-db.ts'

let db: PGlite

beforeAll(async () => {
  db = await openTestDb({ seed: false })
})
afterAll(async () => {
  await db.close()
})

async function newUser(columns: string, values: string): Promise<Record<string, unknown>> {
  let profile: Record<string, unknown> = {}
  await rolledBack(db, async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `insert into auth.users (id, ${columns}) values (gen_random_uuid(), ${values}) returning id`,
    )
    profile = (
      await tx.query<Record<string, unknown>>('select * from public.profiles where id = $1', [
        rows[0].id,
      ])
    ).rows[0]
  })
  return profile
}

describe('profiles', () => {
  it('are created for Google users with their name and picture and $100,000', async () => {
    const profile = await newUser(
      'email, raw_user_meta_data',
      `'ada@example.test', '{"full_name": "Ada Lovelace", "name": "Ada", "picture": "https://lh3.example/ada.png"}'`,
    )
    expect(profile).toMatchObject({
      display_name: 'Ada Lovelace',
      avatar_url: 'https://lh3.example/ada.png',
      cash: '100000.0000',
      starting_cash: '100000.0000',
      buying_power: '100000.0000',
      show_on_leaderboard: false,
      current_run: 1,
    })
  })

  it('fall back to the name claim, then the e-mail name, then "Guest xxxx" for guests', async () => {
    expect((await newUser('raw_user_meta_data', `'{"name": "Grace"}'`)).display_name).toBe('Grace')
    expect((await newUser('email', `'linus@example.test'`)).display_name).toBe('linus')
    const guest = await newUser('is_anonymous', 'true')
    expect(guest.display_name).toBe(`Guest ${String(guest.id).replaceAll('-', '').slice(0, 4)}`)
  })

  it('never get a name that shows nothing: invisible or control characters fall back', async () => {
    const guest = await newUser(
      'is_anonymous, raw_user_meta_data',
      `true, '{"display_name": "\u200b \u3000"}'`,
    )
    expect(guest.display_name).toBe(`Guest ${String(guest.id).replaceAll('-', '').slice(0, 4)}`)
    const named = await newUser(
      'raw_user_meta_data',
      `'{"full_name": " \\tAda\\nLovelace ", "name": "Ada"}'`,
    )
    expect(named.display_name).toBe('Ada Lovelace')
    const long = await newUser(
      'raw_user_meta_data',
      `'{"full_name": "${'\\u200b'.repeat(60)}Zed"}'`,
    )
    expect(long.display_name).toMatch(/^Guest /)
  })

  it('refuse a display name that shows nothing or holds control characters', async () => {
    for (const name of ['   ', '\u200b\u200d', '\u00a0\ufeff', 'Ada\nLovelace', 'Ada\u0085']) {
      await rolledBack(db, async (tx) => {
        const { rows } = await tx.query<{ id: string }>(
          `insert into auth.users (id, email) values (gen_random_uuid(), 'x@example.test') returning id`,
        )
        await expect(
          asUser(tx, rows[0].id, 'update public.profiles set display_name = $1', [name]),
        ).rejects.toThrow(/profiles_display_name_visible_check/)
      })
    }
  })

  it('of guests who link Google take its name and picture, unless they chose a name', async () => {
    await rolledBack(db, async (tx) => {
      const link = (id: string, data: Record<string, unknown>) =>
        tx.query(
          `insert into auth.identities (id, provider_id, user_id, identity_data, provider)
           values (gen_random_uuid(), $2, $1, $3::jsonb, 'google')`,
          [id, `g-${id}`, JSON.stringify(data)],
        )
      const profileOf = async (id: string) =>
        (
          await tx.query<{ display_name: string; avatar_url: string | null }>(
            'select display_name, avatar_url from public.profiles where id = $1',
            [id],
          )
        ).rows[0]
      const gus = { full_name: 'Gus Guest', picture: 'https://lh3.example/gus.png' }
      const guest = async (settings = '') => {
        const { rows } = await tx.query<{ id: string }>(
          `insert into auth.users (id, is_anonymous) values (gen_random_uuid(), true) returning id`,
        )
        if (settings)
          await tx.query(`update public.profiles set ${settings} where id = $1`, [rows[0].id])
        return rows[0].id
      }

      const plain = await guest()
      await link(plain, gus)
      expect(await profileOf(plain)).toEqual({
        display_name: 'Gus Guest',
        avatar_url: 'https://lh3.example/gus.png',
      })
      // A name of their own stays; so does the guest name of one shown on the leaderboard, where
      // linking must not publish their real name.
      const renamed = await guest(`display_name = 'Trader Gus'`)
      await link(renamed, gus)
      expect((await profileOf(renamed)).display_name).toBe('Trader Gus')
      const listed = await guest('show_on_leaderboard = true')
      await link(listed, gus)
      expect((await profileOf(listed)).display_name).toMatch(/^Guest [0-9a-f]{4}$/)
      // A picture URL too long for profiles is left out instead of failing the link.
      const long = await guest()
      await link(long, { full_name: 'Lon G', picture: `https://lh3.example/${'x'.repeat(2100)}` })
      expect(await profileOf(long)).toEqual({ display_name: 'Lon G', avatar_url: null })

      // A new Google user has the name and picture of its metadata, which its identity (with
      // another picture, as Google may send) does not replace.
      const { rows } = await tx.query<{ id: string }>(
        `insert into auth.users (id, email, raw_user_meta_data) values (gen_random_uuid(),
           'ada@example.test', '{"full_name": "Ada Lovelace", "avatar_url": "https://lh3.example/ada.png"}')
         returning id`,
      )
      await link(rows[0].id, { full_name: 'Ada L.', picture: 'https://lh3.example/other.png' })
      expect(await profileOf(rows[0].id)).toEqual({
        display_name: 'Ada Lovelace',
        avatar_url: 'https://lh3.example/ada.png',
      })
    })
  })

  it('of new users leave out a picture URL longer than profiles allow', async () => {
    const profile = await newUser(
      'email, raw_user_meta_data',
      `'long@example.test', '{"full_name": "Long Pic", "avatar_url": "https://x.example/${'x'.repeat(2100)}"}'`,
    )
    expect(profile).toMatchObject({ display_name: 'Long Pic', avatar_url: null })
  })

  it('let their owner edit only the display settings', async () => {
    await rolledBack(db, async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `insert into auth.users (id) values (gen_random_uuid()) returning id`,
      )
      const id = rows[0].id
      const updated = await asUser<Record<string, unknown>>(
        tx,
        id,
        `update public.profiles set display_name = 'New name', show_on_leaderboard = true, avatar_url = null
         returning display_name, show_on_leaderboard`,
      )
      expect(updated).toEqual([{ display_name: 'New name', show_on_leaderboard: true }])
      for (const column of [
        'cash',
        'starting_cash',
        'held_cash',
        'current_run',
        'id',
        'created_at',
      ]) {
        const { rows: allowed } = await tx.query<{ ok: boolean }>(
          `select has_column_privilege('authenticated', 'public.profiles', $1, 'update') as ok`,
          [column],
        )
        expect({ column, ok: allowed[0].ok }).toEqual({ column, ok: false })
      }
    })
  })

  it('every public table has row-level security, a comment and no write grant to anon', async () => {
    const { rows } = await db.query<{
      table: string
      rls: boolean
      comment: string | null
      anon_writes: boolean
    }>(
      `select c.relname as table, c.relrowsecurity as rls, obj_description(c.oid, 'pg_class') as comment,
         has_table_privilege('anon', c.oid, 'insert, update, delete') as anon_writes
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r' order by 1`,
    )
    expect(rows.map((row) => row.table)).toEqual([
      'alert_events',
      'market_state',
      'orders',
      'portfolios',
      'price_candles',
      'profiles',
      'stocks',
      'transactions',
      'wishlists',
    ])
    for (const row of rows)
      expect({ ...row, comment: Boolean(row.comment) }).toEqual({
        ...row,
        rls: true,
        comment: true,
        anon_writes: false,
      })
  })

  it('functions are executable exactly by the roles SPEC §3 names', async () => {
    const { rows } = await db.query<{
      name: string
      anon: boolean
      authenticated: boolean
      service: boolean
    }>(
      `select p.proname as name, has_function_privilege('anon', p.oid, 'execute') as anon,
         has_function_privilege('authenticated', p.oid, 'execute') as authenticated,
         has_function_privilege('service_role', p.oid, 'execute') as service
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'private') order by 1`,
    )
    const user = [
      'cancel_order',
      'delete_my_account',
      'export_my_data',
      'get_leaderboard',
      'get_my_leaderboard_entry',
      'place_order',
      'reset_portfolio',
      // not in SPEC §3: a fired watchlist alert is dismissed through it (clients cannot write
      // alert_events)
      'dismiss_alert',
      // not in SPEC §3: the chart's 1W range, public candles rolled up into hours
      'get_hourly_candles',
    ]
    const service = ['market_tick', 'set_stock_price']
    for (const row of rows) {
      expect(row).toEqual({
        name: row.name,
        anon: false,
        authenticated: user.includes(row.name),
        service: row.service,
      })
      if (service.includes(row.name)) expect(row.service).toBe(true)
    }
  })
})
