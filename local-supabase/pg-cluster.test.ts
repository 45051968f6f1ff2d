import { existsSync } from 'node:fs'
import pg from 'pg'
import { createScratchDatabase, startPostgresCluster } from './pg-cluster.ts'

describe('startPostgresCluster', () => {
  it('starts PostgreSQL 15 on 127.0.0.1, hands out scratch databases, and removes itself', async () => {
    const cluster = await startPostgresCluster()
    let dataDir = ''
    try {
      const url = new URL(cluster.url)
      expect(url.hostname).toBe('127.0.0.1')
      const client = new pg.Client({ connectionString: cluster.url })
      await client.connect()
      try {
        const { rows } = await client.query<{ version: string; dir: string; max: string }>(
          `select current_setting('server_version_num') as version,
             current_setting('data_directory') as dir, current_setting('max_connections') as max`,
        )
        expect(rows[0].version.slice(0, 2)).toBe('15')
        expect(rows[0].max).toBe('300')
        dataDir = rows[0].dir
      } finally {
        await client.end()
      }

      const scratch = await createScratchDatabase(cluster.url)
      const other = new pg.Client({ connectionString: scratch.url })
      await other.connect()
      const { rows } = await other.query<{ db: string }>('select current_database() as db')
      await other.end()
      expect(rows[0].db).toMatch(/^stack_/)
      await scratch.drop()
    } finally {
      await cluster.stop()
    }
    expect(existsSync(dataDir)).toBe(false)
  })
})
