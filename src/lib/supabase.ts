import { createClient } from '@supabase/supabase-js'
import { getEnv } from './env'

const env = getEnv()

/**
 * The one supabase-js client of the app. PKCE because the local stack and hosted Supabase both
 * complete Google sign-in with `?code=`; detectSessionInUrl is off because /auth/callback
 * exchanges the code itself and shows errors in the page.
 */
export const supabase = createClient(env.VITE_SUPABASE_URL, env.VITE_SUPABASE_ANON_KEY, {
  auth: {
    flowType: 'pkce',
    persistSession: true,
    autoRefreshToken: true,
    detectSessionInUrl: false,
  },
})
