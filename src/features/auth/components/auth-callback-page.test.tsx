import { screen } from '@testing-library/react'
import { renderWithProviders } from '@/test/render'
import { AuthCallbackPage } from './auth-callback-page'

describe('AuthCallbackPage', () => {
  it('shows the provider error in plain words with a way back', () => {
    renderWithProviders(<AuthCallbackPage />, {
      path: '/auth/callback',
      route:
        '/auth/callback?error=server_error&error_description=Unable+to+exchange+external+code&next=%2Fportfolio',
    })
    expect(screen.getByRole('heading', { name: 'Sign-in did not complete' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('Unable to exchange external code')
    expect(screen.getByRole('link', { name: 'Try again' })).toHaveAttribute(
      'href',
      '/sign-in?next=%2Fportfolio',
    )
  })

  it('speaks to the user who backed out of Google, not about them', () => {
    renderWithProviders(<AuthCallbackPage />, {
      path: '/auth/callback',
      route:
        '/auth/callback?error=access_denied&error_description=The+user+cancelled+sign-in&next=%2Fportfolio',
    })
    expect(screen.getByRole('heading', { name: 'Sign-in did not complete' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent(
      'You cancelled signing in with Google. Try again when you are ready.',
    )
    expect(screen.getByRole('link', { name: 'Try again' })).toHaveAttribute(
      'href',
      '/sign-in?next=%2Fportfolio',
    )
  })

  it('explains a callback without a code', () => {
    renderWithProviders(<AuthCallbackPage />, { path: '/auth/callback', route: '/auth/callback' })
    expect(screen.getByRole('alert')).toHaveTextContent('The sign-in link is missing its code.')
  })

  it('says in plain words why Google was not linked to a guest, with a way back to the account', () => {
    renderWithProviders(<AuthCallbackPage />, {
      path: '/auth/callback',
      route:
        '/auth/callback?next=%2Faccount&linked=google&error=server_error&error_code=identity_already_exists&error_description=Identity+is+already+linked+to+another+user',
    })
    expect(screen.getByRole('heading', { name: 'Google was not linked' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent(
      'That Google account already has its own StockTrade account.',
    )
    expect(screen.getByRole('link', { name: 'Back to your account' })).toHaveAttribute(
      'href',
      '/account',
    )
  })

  it("tells a Google account already linked to this user from another user's", () => {
    renderWithProviders(<AuthCallbackPage />, {
      path: '/auth/callback',
      route:
        '/auth/callback?next=%2Faccount&linked=google&error=server_error&error_code=identity_already_exists&error_description=Identity+is+already+linked',
    })
    expect(screen.getByRole('alert')).toHaveTextContent(
      'That Google account is already linked to this account.',
    )
  })
})
