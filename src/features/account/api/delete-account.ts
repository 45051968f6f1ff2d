import { useMutation } from '@tanstack/react-query'
import { supabase } from '@/lib/supabase'

/** Deletes the auth user and, by cascade, every row of theirs. */
export async function deleteAccount(): Promise<void> {
  await supabase.rpc('delete_my_account').throwOnError()
}

/** Ends the session of a deleted user: theirs is gone on the server, so only the local one. */
export async function endDeletedSession(): Promise<void> {
  await supabase.auth.signOut({ scope: 'local' })
}

export function useDeleteAccount() {
  return useMutation({ mutationFn: deleteAccount })
}
