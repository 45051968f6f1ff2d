import { useMutation } from '@tanstack/react-query'
import { authCallbackUrl } from '@/lib/auth-callback-url'
import { supabase } from '@/lib/supabase'

/** Only same-site paths are allowed as a post-sign-in destination (no open redirect). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/'
  return next
}

export async function signInWithGoogle(next: string) {
  const redirectTo = authCallbackUrl(safeNext(next))
  const { error } = await supabase.auth.signInWithOAuth({
    provider: 'google',
    options: { redirectTo },
  })
  if (error) throw error
}

export async function signInAsGuest() {
  const { error } = await supabase.auth.signInAnonymously()
  if (error) throw error
}

export function useSignInWithGoogle() {
  return useMutation({ mutationFn: signInWithGoogle })
}

export function useSignInAsGuest() {
  return useMutation({ mutationFn: signInAsGuest })
}
