import { createClient } from '@supabase/supabase-js'
import type { Database } from './database.types'
import { LOCAL_SUPABASE_ANON_KEY, LOCAL_SUPABASE_URL, tryGetEnv } from './env'

// With an invalid configuration main.tsx renders the configuration error and never the app, so
// this client is never used; creating it with the local defaults keeps imports from throwing.
const env = tryGetEnv()

/**
 * The one supabase-js client of the app. PKCE because the local stack and hosted Supabase both
 * complete Google sign-in with `?code=`; detectSessionInUrl is off because /auth/callback
 * exchanges the code itself and shows errors in the page.
 */
export const supabase = createClient<Database>(
  env?.VITE_SUPABASE_URL ?? LOCAL_SUPABASE_URL,
  env?.VITE_SUPABASE_ANON_KEY ?? LOCAL_SUPABASE_ANON_KEY,
  {
    auth: {
      flowType: 'pkce',
      persistSession: true,
      autoRefreshToken: true,
      detectSessionInUrl: false,
    },
  },
)

/*
 * postgrest-js retries a GET whose fetch fails three more times (after 1, 2 and 4 s) before
 * answering, and the query client retries on top of that: a blocked or offline REST API kept a
 * skeleton up for over 20 s. The query client alone decides on retries (src/app/query-client.ts);
 * the price store polls anyway. supabase-js has no option for this (PostgrestClient's `retry`
 * is not passed through), so it is set on its REST client; supabase.test.ts fails if an upgrade
 * stops honouring it.
 */
;(supabase as unknown as { rest: { retry?: boolean } }).rest.retry = false
