import type { Session } from '@supabase/supabase-js'
import { supabase } from '@/lib/supabase'
import { exchangeCode } from './exchange-code'

/**
 * Completes a guest's Google linking. Google's redirect has already linked the identity on the
 * server, so a failed code exchange need not mean a failed link: a refreshed session says
 * whether the user now has a Google identity (then it is the session), else the error stands.
 */
export async function completeLink(code: string): Promise<Session> {
  try {
    return await exchangeCode(code)
  } catch (error) {
    const { data } = await supabase.auth.refreshSession()
    if (data.session && data.user?.identities?.some(({ provider }) => provider === 'google')) {
      return data.session
    }
    throw error
  }
}

/** Why linking failed, in plain words, for the reasons GoTrue gives; null for any other. */
export function linkErrorMessage(code: string | null, description: string | null): string | null {
  if (code === 'identity_already_exists') {
    return description === 'Identity is already linked'
      ? 'That Google account is already linked to this account.'
      : 'That Google account already has its own StockTrade account. To use it, sign out and sign in with Google; this guest portfolio is separate.'
  }
  if (code === 'email_exists') {
    return 'An account with that Google address already exists. To use it, sign out and sign in with Google; this guest portfolio is separate.'
  }
  return null
}
