import { Navigate, Outlet, useLocation } from 'react-router'
import { useSession } from '@/lib/use-session'
import { PageFallback } from './page-fallback'

/** Pages behind sign-in; visitors go to /sign-in and come back afterwards via ?next=. */
export function ProtectedRoute() {
  const session = useSession()
  const location = useLocation()
  if (session.status === 'loading') return <PageFallback />
  if (session.status === 'signed-out') {
    const next = encodeURIComponent(`${location.pathname}${location.search}`)
    return <Navigate to={`/sign-in?next=${next}`} replace />
  }
  return <Outlet />
}
