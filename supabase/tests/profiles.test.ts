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

  it('of guests who link Google take its name and picture, unless they chose a name', async () => {
    await rolledBack(db, async (tx) => {
      const profileAfterLinking = async (rename?: string) => {
        const { rows } = await tx.query<{ id: string }>(
          `insert into auth.users (id, is_anonymous) values (gen_random_uuid(), true) returning id`,
        )
        const id = rows[0].id
        if (rename)
          await tx.query('update public.profiles set display_name = $2 where id = $1', [id, rename])
        await tx.query(
          `insert into auth.identities (id, provider_id, user_id, identity_data, provider)
           values (gen_random_uuid(), $2, $1, $3::jsonb, 'google')`,
          [
            id,
            `g-${id}`,
            JSON.stringify({ full_name: 'Gus Guest', picture: 'https://lh3.example/gus.png' }),
          ],
        )
        const profile = await tx.query<{ display_name: string; avatar_url: string | null }>(
          'select display_name, avatar_url from public.profiles where id = $1',
          [id],
        )
        return profile.rows[0]
      }
      expect(await profileAfterLinking()).toEqual({
        display_name: 'Gus Guest',
        avatar_url: 'https://lh3.example/gus.png',
      })
      expect(await profileAfterLinking('Trader Gus')).toEqual({
        display_name: 'Trader Gus',
        avatar_url: 'https://lh3.example/gus.png',
      })

      // A new Google user already has the name and picture of its metadata: untouched.
      const { rows } = await tx.query<{ id: string }>(
        `insert into auth.users (id, email, raw_user_meta_data)
         values (gen_random_uuid(), 'ada@example.test', '{"full_name": "Ada Lovelace"}') returning id`,
      )
      await tx.query(`update public.profiles set display_name = 'Ada' where id = $1`, [rows[0].id])
      await tx.query(
        `insert into auth.identities (id, provider_id, user_id, identity_data, provider)
         values (gen_random_uuid(), 'g-ada', $1, '{"full_name": "Ada Lovelace"}', 'google')`,
        [rows[0].id],
      )
      const ada = await tx.query('select display_name from public.profiles where id = $1', [
        rows[0].id,
      ])
      expect(ada.rows).toEqual([{ display_name: 'Ada' }])
    })
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
