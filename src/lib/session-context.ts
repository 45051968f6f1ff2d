import { createContext } from 'react'
import type { Session, User } from '@supabase/supabase-js'

export type SessionState =
  | { status: 'loading'; session: null; user: null }
  | { status: 'signed-out'; session: null; user: null }
  | { status: 'signed-in'; session: Session; user: User }

export const SessionContext = createContext<SessionState | null>(null)
