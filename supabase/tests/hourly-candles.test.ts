import type { PGlite, Transaction } from '@electric-sql/pglite'
import { asUser, attempt, createUser, rolledBack } from './engine.ts'
import { openTestDb } from './pglite-db.ts'

let db: PGlite

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(async () => {
  await db.close()
})

type Hour = {
  bucket: string
  open: string
  high: string
  low: string
  close: string
  volume: string
}

/** Minutes of KO (and the noise the function must leave out), in no particular order. */
async function insertMinutes(tx: Transaction) {
  await tx.query(
    `insert into public.price_candles (symbol, "interval", bucket, open, high, low, close, volume) values
       ('KO', '1m', '2030-03-04T10:59:00Z', 63, 63.5, 62.5, 63.25, 4),
       ('KO', '1m', '2030-03-04T10:00:00Z', 60, 61, 59.5, 60.5, 10),
       ('KO', '1m', '2030-03-04T10:30:00Z', 60.5, 64, 60, 63, 6),
       ('KO', '1m', '2030-03-04T12:15:00Z', 65, 66, 64, 65.5, 7),
       ('KO', '1m', '2030-03-04T09:59:00Z', 58, 58, 58, 58, 1),
       ('PEP', '1m', '2030-03-04T10:10:00Z', 150, 151, 149, 150, 100),
       ('KO', '1d', '2030-03-04T00:00:00Z', 50, 70, 40, 55, 999)`,
  )
}

async function hours(tx: Transaction, userId: string, since: string) {
  const rows = await asUser<Hour>(
    tx,
    userId,
    `select bucket, open::text, high::text, low::text, close::text, volume::text
     from public.get_hourly_candles('KO', $1)`,
    [since],
  )
  return rows.map((row) => ({ ...row, bucket: new Date(row.bucket).toISOString() }))
}

describe('get_hourly_candles', () => {
  it("rolls one symbol's minutes into UTC hours: first open, last close, high, low, volume", async () => {
    await rolledBack(db, async (tx) => {
      await insertMinutes(tx)
      const userId = await createUser(tx)
      expect(await hours(tx, userId, '2030-03-04T10:00:00Z')).toEqual([
        {
          bucket: '2030-03-04T10:00:00.000Z',
          open: '60.0000',
          high: '64.0000',
          low: '59.5000',
          close: '63.2500',
          volume: '20',
        },
        {
          bucket: '2030-03-04T12:00:00.000Z',
          open: '65.0000',
          high: '66.0000',
          low: '64.0000',
          close: '65.5000',
          volume: '7',
        },
      ])
    })
  })

  it('starts at the hour p_since falls in, and returns nothing for no time', async () => {
    await rolledBack(db, async (tx) => {
      await insertMinutes(tx)
      const userId = await createUser(tx)
      const from = await hours(tx, userId, '2030-03-04T10:45:00+01:00')
      expect(from.map((hour) => hour.bucket)).toEqual([
        '2030-03-04T09:00:00.000Z',
        '2030-03-04T10:00:00.000Z',
        '2030-03-04T12:00:00.000Z',
      ])
      expect(from[0]).toMatchObject({ open: '58.0000', close: '58.0000', volume: '1' })
      expect(await hours(tx, userId, '2030-03-04T12:16:00Z')).toEqual([
        expect.objectContaining({ bucket: '2030-03-04T12:00:00.000Z' }),
      ])
      expect(
        await asUser(tx, userId, `select * from public.get_hourly_candles('KO', null)`),
      ).toEqual([])
      expect(
        await asUser(
          tx,
          userId,
          `select * from public.get_hourly_candles('NOPE', now() - interval '7 days')`,
        ),
      ).toEqual([])
    })
  })

  it('is for signed-in users only', async () => {
    await rolledBack(db, async (tx) => {
      const result = await attempt(tx, () =>
        asUser(tx, null, `select * from public.get_hourly_candles('KO', now())`),
      )
      expect(result).toMatchObject({ ok: false, error: { code: '42501' } })
    })
  })
})
