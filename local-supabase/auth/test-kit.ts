import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import WebSocket from 'ws'
import { ANON_KEY, JWT_SECRET } from '../config.ts'
import { openDb } from '../db/open.ts'
import { prepareDatabase } from '../db/migrate.ts'
import type { Db } from '../db/types.ts'
import type { Handler, StackOptions } from '../handler.ts'
import { createScratchDatabase } from '../pg-cluster.ts'
import { createAuthHandler } from './handler.ts'

export const PUBLIC_URL = 'http://127.0.0.1:54321'
export const SITE_URL = 'http://127.0.0.1:5173'
export const PREVIEW_URL = 'http://127.0.0.1:4173'

export interface ClientOptions {
  headers?: Record<string, string>
  /**
   * Where auth-js keeps the session and the PKCE code verifier, for tests that inspect it.
   * auth-js ignores `storage` unless `persistSession` is on, so giving one turns it on.
   */
  storage?: MemoryStorage
}

export interface AuthKit {
  db: Db
  opts: StackOptions
  handler: Handler
  /** fetch() straight into the handler: no network, same Request/Response objects. */
  fetch: typeof fetch
  /** The real supabase-js client over `fetch`, PKCE, in-memory storage, no timers. */
  client(key?: string, options?: ClientOptions): SupabaseClient
  /** Row counts of every auth table, to prove a failed request changed nothing. */
  counts(): Promise<Record<string, number>>
  close(): Promise<void>
}

export type MemoryStorage = ReturnType<typeof memoryStorage>

export function memoryStorage() {
  const items = new Map<string, string>()
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  }
}

/**
 * A fresh database with bootstrap, the project's migrations and seed: in-memory PGlite, or
 * a scratch database in the DATABASE_URL cluster when set (CI runs both drivers).
 */
export async function startAuthKit(): Promise<AuthKit> {
  const scratch = process.env.DATABASE_URL
    ? await createScratchDatabase(process.env.DATABASE_URL)
    : null
  const db = await openDb(scratch ? { databaseUrl: scratch.url } : { dataDir: null })
  await prepareDatabase(db)
  const opts: StackOptions = {
    db,
    jwtSecret: JWT_SECRET,
    publicUrl: PUBLIC_URL,
    siteUrl: SITE_URL,
    allowedRedirectOrigins: [SITE_URL, PREVIEW_URL],
  }
  const handler = createAuthHandler(opts)
  const viaHandler: typeof fetch = (input, init) => handler(new Request(input, init))
  return {
    db,
    opts,
    handler,
    fetch: viaHandler,
    client: (key = ANON_KEY, { headers = {}, storage } = {}) =>
      createClient(PUBLIC_URL, key, {
        auth: {
          persistSession: storage !== undefined,
          autoRefreshToken: false,
          detectSessionInUrl: false,
          flowType: 'pkce',
          storage: storage ?? memoryStorage(),
        },
        global: { fetch: viaHandler, headers },
        // Node 20 has no WebSocket; realtime is never connected here, only constructed.
        realtime: { transport: WebSocket as never },
      }),
    async counts() {
      const { rows } = await db.query<Record<string, number>>(
        `select (select count(*)::int from auth.users) as users,
           (select count(*)::int from auth.identities) as identities,
           (select count(*)::int from auth.sessions) as sessions,
           (select count(*)::int from auth.refresh_tokens) as refresh_tokens,
           (select count(*)::int from auth.refresh_tokens where revoked) as revoked_tokens,
           (select count(*)::int from auth.flow_state) as flow_states,
           (select count(*)::int from public.profiles) as profiles`,
      )
      return rows[0]
    },
    async close() {
      await db.close()
      await scratch?.drop()
    },
  }
}
