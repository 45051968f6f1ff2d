import { createScratchDatabase, startPostgresCluster } from '../pg-cluster.ts'

/**
 * A scratch PostgreSQL database for driver tests: in the cluster of DATABASE_URL when set
 * (CI), else in a throwaway cluster started for this test file.
 */
export async function scratchPostgres(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const db = await createScratchDatabase(process.env.DATABASE_URL)
    return { url: db.url, stop: db.drop }
  }
  const cluster = await startPostgresCluster()
  return { url: cluster.url, stop: cluster.stop }
}
