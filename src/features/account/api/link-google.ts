import { useMutation } from '@tanstack/react-query'
import { authCallbackUrl } from '@/lib/auth-callback-url'
import { supabase } from '@/lib/supabase'

/**
 * Links a Google account to the signed-in guest (Supabase manual identity linking): the browser
 * goes through Google and comes back to /auth/callback signed in with Google as the same user,
 * so the portfolio, orders and history stay theirs.
 */
export async function linkGoogle() {
  const { error } = await supabase.auth.linkIdentity({
    provider: 'google',
    options: { redirectTo: authCallbackUrl('/account', { linking: true }) },
  })
  // A project without manual linking answers 404 with GoTrue's own wording.
  if (error?.code === 'manual_linking_disabled') {
    throw new Error('Linking a Google account is not enabled on this server.', { cause: error })
  }
  if (error) throw error
}

export function useLinkGoogle() {
  return useMutation({ mutationFn: linkGoogle })
}
