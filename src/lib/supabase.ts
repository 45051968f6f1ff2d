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
