import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { User } from '@supabase/supabase-js'
import { Toaster } from '@/components/ui/toaster'
import { loadSupabase } from '@/lib/load-supabase'
import { renderWithProviders } from '@/test/render'
import { UserMenu } from './user-menu'

// The client chunk failing to load is what these tests need; the profile is only the name shown.
vi.mock('@/lib/load-supabase', () => ({ loadSupabase: vi.fn() }))
vi.mock('@/lib/api/get-profile', () => ({
  getProfile: () => Promise.resolve({ display_name: 'Ada' }),
}))

const user = { id: 'u1', email: 'ada@example.com', is_anonymous: false, user_metadata: {} }

function renderMenu() {
  return renderWithProviders(
    <>
      <UserMenu />
      <Toaster />
    </>,
    {
      path: '/portfolio',
      route: '/portfolio',
      session: { status: 'signed-in', session: { user } as never, user: user as User },
    },
  )
}

describe('UserMenu', () => {
  it('returns the focus to the toggle when Escape closes the menu', async () => {
    const keyboard = userEvent.setup()
    renderMenu()
    const toggle = screen.getByRole('button', { name: /account menu/ })
    await keyboard.click(toggle)
    await keyboard.tab()
    expect(screen.getByRole('link', { name: 'Account' })).toHaveFocus()
    await keyboard.keyboard('{Escape}')
    expect(screen.queryByRole('link', { name: 'Account' })).not.toBeInTheDocument()
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(toggle).toHaveFocus()
  })

  it('says so and lets Sign out be pressed again when the client cannot be loaded', async () => {
    vi.mocked(loadSupabase).mockRejectedValue(new TypeError('Failed to fetch module'))
    const pointer = userEvent.setup()
    const { router } = renderMenu()
    await pointer.click(screen.getByRole('button', { name: /account menu/ }))
    await pointer.click(screen.getByRole('button', { name: 'Sign out' }))
    expect(await screen.findByText('Could not sign out')).toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign out' })).toBeEnabled())
    expect(router.state.location.pathname).toBe('/portfolio')
    await pointer.click(screen.getByRole('button', { name: 'Sign out' }))
    expect(loadSupabase).toHaveBeenCalledTimes(2)
  })
})
