import { useEffect, useState } from 'react'
import type { ReactNode } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { loadSupabase } from '@/lib/load-supabase'
import { logger } from '@/lib/logger'
import { SessionContext } from '@/lib/session-context'
import type { SessionState } from '@/lib/session-context'

/**
 * Tracks the auth session from supabase.auth.onAuthStateChange (which also reports the stored
 * session at start). Whenever the user goes away or changes, every cached query is dropped so
 * the next person on this browser never sees the previous user's data. Until the client has
 * loaded the session is 'loading': the page paints without it.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const [state, setState] = useState<SessionState>({ status: 'loading', session: null, user: null })

  useEffect(() => {
    let currentUserId: string | null = null
    let unsubscribe: (() => void) | undefined
    let active = true
    loadSupabase().then(
      (client) => {
        if (!active) return
        const { data } = client.auth.onAuthStateChange((_event, session) => {
          const nextUserId = session?.user.id ?? null
          if (currentUserId !== null && currentUserId !== nextUserId) queryClient.clear()
          currentUserId = nextUserId
          setState(
            session
              ? { status: 'signed-in', session, user: session.user }
              : { status: 'signed-out', session: null, user: null },
          )
        })
        unsubscribe = () => data.subscription.unsubscribe()
      },
      (error: unknown) => {
        // Without the client nobody can sign in; show the signed-out page rather than a spinner.
        logger.error('supabase client failed to load', { error: String(error) })
        if (active) setState({ status: 'signed-out', session: null, user: null })
      },
    )
    return () => {
      active = false
      unsubscribe?.()
    }
  }, [queryClient])

  return <SessionContext value={state}>{children}</SessionContext>
}
