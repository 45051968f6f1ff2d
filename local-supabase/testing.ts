import { createClient, type Session, type SupabaseClient, type User } from '@supabase/supabase-js'
import WebSocket from 'ws'
import { ANON_KEY, SERVICE_ROLE_KEY } from './config.ts'
import { openDb } from './db/open.ts'
import { createPreparedDatabase } from './db/pg-template.ts'
import { openPreparedPglite } from './db/template.ts'
import type { Db } from './db/types.ts'
import { startStack } from './stack.ts'

export interface LocalStackOptions {
  /** A PostgreSQL cluster to create this stack's own database in (default: DATABASE_URL). */
  databaseUrl?: string
  /** Market clock period; 0 (the default) leaves prices still unless a test ticks. */
  tickMs?: number
  migrationsDir?: string
  seedFile?: string
}

export interface SignUpOptions {
  email?: string
  password?: string
  /** Anonymous sign-in ("Try as guest") instead of e-mail and password. */
  anonymous?: boolean
}

export interface SignedInUser {
  client: SupabaseClient
  user: User
  session: Session
}

export interface LocalStack {
  url: string
  anonKey: string
  serviceRoleKey: string
  /** The stack's database, as superuser: for assertions and setup the API cannot do. */
  db: Db
  /** Connection URL of the scratch PostgreSQL database, or null on embedded PGlite. */
  databaseUrl: string | null
  stop(): Promise<void>
  signUp(options?: SignUpOptions): Promise<SignedInUser>
  /** A fresh supabase-js client for this stack (anon key unless given another). */
  client(key?: string): SupabaseClient
}

/**
 * supabase-js options for tests: no storage, no background refresh, and `ws` as the
 * WebSocket (Node 20 has none built in).
 */
export function createTestClient(url: string, key: string): SupabaseClient {
  return createClient(url, key, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  })
}

/**
 * A complete local stack for one test file: its own fresh database (in-memory PGlite with
 * bootstrap, migrations and seed; or a new database in the DATABASE_URL cluster) served by
 * the real HTTP server on an ephemeral 127.0.0.1 port.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const migrationsDir = options.migrationsDir ?? 'supabase/migrations'
  const seedFile = options.seedFile ?? 'supabase/seed.sql'
  const clusterUrl = options.databaseUrl ?? process.env.DATABASE_URL
  const scratch = clusterUrl
    ? await createPreparedDatabase(clusterUrl, { migrationsDir, seedFile })
    : null
  let db: Db
  try {
    db = scratch
      ? await openDb({ databaseUrl: scratch.url })
      : await openPreparedPglite({ migrationsDir, seedFile })
  } catch (error) {
    await scratch?.drop()
    throw error
  }
  const stack = await startStack({
    port: 0,
    db,
    tickMs: options.tickMs ?? 0,
    siteUrl: 'http://127.0.0.1:5173',
    migrationsDir,
    seedFile,
  }).catch(async (error: unknown) => {
    await scratch?.drop()
    throw error
  })

  let counter = 0
  return {
    url: stack.url,
    anonKey: ANON_KEY,
    serviceRoleKey: SERVICE_ROLE_KEY,
    db: stack.db,
    databaseUrl: scratch?.url ?? null,
    async stop() {
      await stack.stop()
      await scratch?.drop()
    },
    client: (key = ANON_KEY) => createTestClient(stack.url, key),
    async signUp(signUpOptions = {}) {
      const client = createTestClient(stack.url, ANON_KEY)
      counter += 1
      const { data, error } = signUpOptions.anonymous
        ? await client.auth.signInAnonymously()
        : await client.auth.signUp({
            email: signUpOptions.email ?? `user-${Date.now()}-${counter}@example.test`,
            password: signUpOptions.password ?? 'correct-horse-battery-staple',
          })
      if (error) throw error
      if (!data.user || !data.session) throw new Error('Sign-up returned no session')
      return { client, user: data.user, session: data.session }
    },
  }
}
