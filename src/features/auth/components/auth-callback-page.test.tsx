import { screen } from '@testing-library/react'
import { renderWithProviders } from '@/test/render'
import { AuthCallbackPage } from './auth-callback-page'

describe('AuthCallbackPage', () => {
  it('shows the provider error in plain words with a way back', () => {
    renderWithProviders(<AuthCallbackPage />, {
      path: '/auth/callback',
      route:
        '/auth/callback?error=access_denied&error_description=The+user+cancelled+sign-in&next=%2Fportfolio',
    })
    expect(screen.getByRole('heading', { name: 'Sign-in did not complete' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('The user cancelled sign-in')
    expect(screen.getByRole('link', { name: 'Try again' })).toHaveAttribute(
      'href',
      '/sign-in?next=%2Fportfolio',
    )
  })

  it('explains a callback without a code', () => {
    renderWithProviders(<AuthCallbackPage />, { path: '/auth/callback', route: '/auth/callback' })
    expect(screen.getByRole('alert')).toHaveTextContent('The sign-in link is missing its code.')
  })
})
