import { useMutation } from '@tanstack/react-query'
import { supabase } from '@/lib/supabase'

/**
 * Links a Google account to the signed-in guest (Supabase manual identity linking): the browser
 * goes through Google and comes back to /auth/callback signed in with Google as the same user,
 * so the portfolio, orders and history stay theirs. `linked=google` tells the callback page.
 */
export async function linkGoogle() {
  const redirectTo = `${window.location.origin}/auth/callback?next=%2Faccount&linked=google`
  const { error } = await supabase.auth.linkIdentity({
    provider: 'google',
    options: { redirectTo },
  })
  if (error) throw error
}

export function useLinkGoogle() {
  return useMutation({ mutationFn: linkGoogle })
}
