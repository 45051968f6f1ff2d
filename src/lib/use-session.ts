import { useContext } from 'react'
import { SessionContext } from './session-context'
import type { SessionState } from './session-context'

/** The current auth session (provided by the app's SessionProvider). */
export function useSession(): SessionState {
  const state = useContext(SessionContext)
  if (!state) throw new Error('useSession must be used inside <SessionProvider>')
  return state
}

/** The signed-in user's id; only for components rendered behind the protected route. */
export function useUserId(): string {
  const state = useSession()
  if (state.status !== 'signed-in') throw new Error('useUserId needs a signed-in user')
  return state.user.id
}
