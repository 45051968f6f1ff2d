import { useEffect, useState } from 'react'
import type { ReactNode } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { SessionContext } from '@/lib/session-context'
import type { SessionState } from '@/lib/session-context'
import { supabase } from '@/lib/supabase'

/**
 * Tracks the auth session from supabase.auth.onAuthStateChange (which also reports the stored
 * session at start). Whenever the user goes away or changes, every cached query is dropped so
 * the next person on this browser never sees the previous user's data.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const [state, setState] = useState<SessionState>({ status: 'loading', session: null, user: null })

  useEffect(() => {
    let currentUserId: string | null = null
    const { data } = supabase.auth.onAuthStateChange((_event, session) => {
      const nextUserId = session?.user.id ?? null
      if (currentUserId !== null && currentUserId !== nextUserId) queryClient.clear()
      currentUserId = nextUserId
      setState(
        session
          ? { status: 'signed-in', session, user: session.user }
          : { status: 'signed-out', session: null, user: null },
      )
    })
    return () => data.subscription.unsubscribe()
  }, [queryClient])

  return <SessionContext value={state}>{children}</SessionContext>
}
