import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react'
import { LogOut, UserRound } from 'lucide-react'
import { Link, useNavigate } from 'react-router'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { loadSupabase } from '@/lib/load-supabase'
import { queryKeys } from '@/lib/query-keys'
import { usePriceStore } from '@/lib/use-quote'
import { useSession } from '@/lib/use-session'
import { logger } from '@/lib/logger'
import { cn } from '@/components/ui/cn'
import { toast } from '@/components/ui/toast-store'
import { hiddenWhenCrowded } from './app-shell'

/** How often a profile read that failed is tried again, until it answers. */
export const PROFILE_RETRY_MS = 15_000

// Only a guest signing out sees it: loaded then, not with the first paint.
const GuestSignOutDialog = lazy(() =>
  import('./guest-sign-out-dialog').then((module) => ({ default: module.GuestSignOutDialog })),
)

/** Signed in: a disclosure with the account link and sign-out. Signed out: a sign-in link. */
export function UserMenu() {
  const session = useSession()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const [signingOut, setSigningOut] = useState(false)
  const [confirmingGuestSignOut, setConfirmingGuestSignOut] = useState(false)
  const panelId = useId()
  const root = useRef<HTMLDivElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  const userId = session.status === 'signed-in' ? session.user.id : undefined
  // The profile query the account page invalidates on rename, so the header follows it. Its
  // module imports supabase-js statically; importing it here on demand (the session is only known
  // once the client has loaded) keeps supabase-js out of the first paint.
  const profile = useQuery({
    queryKey: queryKeys.profile(userId ?? ''),
    queryFn: () =>
      import('@/lib/api/get-profile').then((module) => module.getProfile(userId ?? '')),
    enabled: userId !== undefined,
    // The header has no "Try again": a read that failed (its quick retries spent, e.g. a 503 on
    // just this request while prices keep coming) is tried again by itself until it answers.
    refetchInterval: (query) => (query.state.status === 'error' ? PROFILE_RETRY_MS : false),
  })
  useRefetchProfileOnRecovery(userId)

  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      // Focus in the panel would drop to <body> as it unmounts: back to the toggle instead (also
      // from <body>, where Safari leaves it after a click on the toggle). Focus elsewhere stays.
      const active = document.activeElement
      if (active === document.body || root.current?.contains(active)) toggle.current?.focus()
      setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  if (session.status === 'loading') return <span className="w-20" aria-hidden="true" />
  if (session.status === 'signed-out') {
    return (
      <Link
        to="/sign-in"
        className="shrink-0 rounded-md bg-primary px-2 py-1.5 text-sm font-medium whitespace-nowrap text-primary-fg hover:bg-primary-hover sm:px-3"
      >
        Sign in
      </Link>
    )
  }

  const user = session.user
  // Only if the profile cannot be read: the sign-in provider's name, which the profile starts from.
  const fallbackName = user.is_anonymous
    ? 'Guest'
    : ((user.user_metadata?.full_name as string | undefined) ??
      (user.user_metadata?.name as string | undefined) ??
      user.email ??
      'Account')
  // While the profile loads the name stays blank rather than flash a stale one.
  const name = profile.data?.display_name ?? (profile.isPending ? '' : fallbackName)

  async function signOut() {
    setSigningOut(true)
    try {
      const client = await loadSupabase()
      // Leave a private page before the session ends: its route guard would otherwise send the
      // browser to sign-in with the page as ?next=, for whoever signs in next on this device.
      // Awaited and flushed: the router renders a navigation in a transition, which the session's
      // own (urgent) update would overtake, so the guard would still see the private page.
      await navigate('/', { replace: true, flushSync: true })
      const { error } = await client.auth.signOut()
      if (error) {
        logger.warn('sign-out failed', { error: error.message })
        toast({ title: 'Could not sign out', description: error.message, tone: 'error' })
        return
      }
      queryClient.clear()
      setOpen(false)
      setConfirmingGuestSignOut(false)
    } catch (error) {
      // The client's chunk did not load (offline, or a deploy replaced it): say so and let the
      // button be pressed again rather than leave it disabled until a reload.
      logger.warn('sign-out failed', { error: String(error) })
      toast({
        title: 'Could not sign out',
        description: 'Check your connection and try again.',
        tone: 'error',
      })
    } finally {
      setSigningOut(false)
    }
  }

  return (
    <div ref={root} className="relative">
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-md p-1.5 text-sm hover:bg-surface-2"
      >
        <UserRound className="size-5" aria-hidden="true" />
        {/* Where the header is crowded the icon stands for the account; the panel names it. */}
        <span title={name || undefined} className={cn('max-w-32 truncate', hiddenWhenCrowded)}>
          {name}
        </span>{' '}
        <span className="sr-only">account menu</span>
      </button>
      {open && (
        <div
          id={panelId}
          className="absolute right-0 z-40 mt-2 w-56 rounded-lg border border-border bg-bg p-1 shadow-lg"
        >
          {/* Long addresses wrap instead of being cut: this is the only place the email is shown. */}
          <p className="px-3 py-2 text-xs wrap-anywhere text-muted">
            {user.is_anonymous ? 'Signed in as a guest' : (user.email ?? name)}
          </p>
          <Link
            to="/account"
            onClick={() => setOpen(false)}
            className="flex items-center gap-2 rounded-md px-3 py-2 text-sm hover:bg-surface-2"
          >
            <UserRound className="size-4" aria-hidden="true" /> Account
          </Link>
          <button
            type="button"
            onClick={() => {
              if (!user.is_anonymous) return void signOut()
              setOpen(false)
              setConfirmingGuestSignOut(true)
            }}
            disabled={signingOut}
            className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm hover:bg-surface-2 disabled:opacity-60"
          >
            <LogOut className="size-4" aria-hidden="true" /> Sign out
          </button>
        </div>
      )}
      {confirmingGuestSignOut && (
        <Suspense fallback={null}>
          <GuestSignOutDialog
            onClose={() => setConfirmingGuestSignOut(false)}
            onSignOut={() => void signOut()}
            signingOut={signingOut}
          />
        </Suspense>
      )}
    </div>
  )
}

/**
 * A profile read that failed during an outage is otherwise tried again only on the next
 * PROFILE_RETRY_MS tick. When the price store sees reads answer again after failing (or Realtime
 * come back), a profile query in error is fetched again at once.
 */
function useRefetchProfileOnRecovery(userId: string | undefined) {
  const store = usePriceStore()
  const queryClient = useQueryClient()
  useEffect(() => {
    if (userId === undefined) return
    const queryKey = queryKeys.profile(userId)
    const health = () => {
      const { status, unreachable } = store.getConnection()
      return { reads: !unreachable, live: status === 'live' && !unreachable }
    }
    let before = health()
    return store.subscribeConnection(() => {
      const now = health()
      const recovered = (now.reads && !before.reads) || (now.live && !before.live)
      before = now
      if (recovered && queryClient.getQueryState(queryKey)?.status === 'error') {
        void queryClient.refetchQueries({ queryKey, exact: true })
      }
    })
  }, [store, queryClient, userId])
}
