import { supabase } from '@/lib/supabase'

/** Completes the PKCE flow: trades the ?code from the redirect for a session. */
export async function exchangeCode(code: string) {
  const { data, error } = await supabase.auth.exchangeCodeForSession(code)
  if (error) throw error
  return data.session
}
