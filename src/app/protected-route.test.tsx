import { render, screen } from '@testing-library/react'
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router'
import type { User } from '@supabase/supabase-js'
import { SessionContext } from '@/lib/session-context'
import type { SessionState } from '@/lib/session-context'
import { ProtectedRoute } from './protected-route'

function SignInProbe() {
  const location = useLocation()
  return <p>Sign-in page {location.search}</p>
}

function renderAt(session: SessionState) {
  const router = createMemoryRouter(
    [
      { path: '/sign-in', element: <SignInProbe /> },
      {
        element: <ProtectedRoute />,
        children: [{ path: '/portfolio', element: <h1>Portfolio</h1> }],
      },
    ],
    { initialEntries: ['/portfolio?tab=orders'] },
  )
  render(
    <SessionContext value={session}>
      <RouterProvider router={router} />
    </SessionContext>,
  )
  return router
}

describe('ProtectedRoute', () => {
  it('sends visitors to sign-in and remembers where they were going', () => {
    const router = renderAt({ status: 'signed-out', session: null, user: null })
    expect(screen.getByText('Sign-in page ?next=%2Fportfolio%3Ftab%3Dorders')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/sign-in')
  })

  it('waits for the stored session before deciding', () => {
    renderAt({ status: 'loading', session: null, user: null })
    expect(screen.getByLabelText('Loading page')).toHaveAttribute('aria-busy', 'true')
  })

  it('renders the page for a signed-in user', () => {
    const user = { id: 'u1' } as User
    renderAt({ status: 'signed-in', session: { user } as never, user })
    expect(screen.getByRole('heading', { name: 'Portfolio' })).toBeInTheDocument()
  })
})
