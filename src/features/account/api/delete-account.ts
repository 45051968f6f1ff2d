import { useMutation } from '@tanstack/react-query'
import { supabase } from '@/lib/supabase'

/** Deletes the auth user and, by cascade, every row of theirs; then ends the local session. */
export async function deleteAccount(): Promise<void> {
  await supabase.rpc('delete_my_account').throwOnError()
  // The user no longer exists, so the server-side logout may fail: clear the local session.
  await supabase.auth.signOut({ scope: 'local' })
}

export function useDeleteAccount() {
  return useMutation({ mutationFn: deleteAccount })
}
