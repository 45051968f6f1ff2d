import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createMemoryRouter } from 'react-router'
// The app's RouterProvider (src/app/app.tsx): only this one honours navigate's flushSync.
import { RouterProvider } from 'react-router/dom'
import type { RouteObject } from 'react-router'
import { SessionContext } from '@/lib/session-context'
import type { SessionState } from '@/lib/session-context'

export function createTestQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  })
}

const signedOut: SessionState = { status: 'signed-out', session: null, user: null }

/**
 * Renders a component inside a memory data router and a fresh QueryClient, with a given session
 * (signed out by default). For whole-app tests, render the real routes with renderRoutes.
 */
export function renderWithProviders(
  ui: ReactElement,
  {
    path = '/',
    route = '/',
    session = signedOut,
    queryClient = createTestQueryClient(),
  }: { path?: string; route?: string; session?: SessionState; queryClient?: QueryClient } = {},
) {
  const router = createMemoryRouter(
    [
      { path, element: ui },
      { path: '*', element: <p>Navigated away</p> },
    ],
    { initialEntries: [route] },
  )
  const result = render(
    <QueryClientProvider client={queryClient}>
      <SessionContext value={session}>
        <RouterProvider router={router} />
      </SessionContext>
    </QueryClientProvider>,
  )
  return { ...result, router, queryClient }
}

/** The real route table in a memory router, under the given providers element. */
export function renderRoutes(
  routes: RouteObject[],
  { route = '/', wrap }: { route?: string; wrap: (children: ReactElement) => ReactElement },
) {
  const router = createMemoryRouter(routes, { initialEntries: [route] })
  const result = render(wrap(<RouterProvider router={router} />))
  return { ...result, router }
}
