import { expect, test } from '@playwright/test'
import { placeOrder, signInAsGuest } from './app-helpers'

test('a guest signs in without an account, keeps the session across a reload, and signs out', async ({
  page,
}) => {
  await page.goto('/portfolio')
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fportfolio/)
  await signInAsGuest(page, '/portfolio')
  await expect(page.getByRole('heading', { name: 'Portfolio', level: 1 })).toBeVisible()

  await page.reload()
  await expect(page.getByRole('heading', { name: 'Portfolio', level: 1 })).toBeVisible()
  await expect(page.getByRole('button', { name: /account menu/ })).toContainText('Guest')

  await page.getByRole('button', { name: /account menu/ }).click()
  await page.getByRole('button', { name: 'Sign out' }).click()
  // A guest's portfolio ends at sign-out: asked first, with the way to keep it.
  const confirm = page.getByRole('dialog', { name: 'Sign out and end this guest portfolio?' })
  await expect(confirm.getByRole('button', { name: 'Link Google instead' })).toBeVisible()
  await confirm.getByRole('button', { name: 'Keep trading' }).click()
  await expect(confirm).toHaveCount(0)
  await expect(page.getByRole('button', { name: /account menu/ })).toContainText('Guest')
  await page.getByRole('button', { name: /account menu/ }).click()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await confirm.getByRole('button', { name: 'Sign out and end it' }).click()
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible()
  // Signing out of a private page lands on the market, not on a sign-in page that would send
  // the next person to sign in on this device back to the same page.
  await expect(page).toHaveURL(/:\d+\/$/)
  await page.goto('/portfolio')
  await expect(page).toHaveURL(/\/sign-in/)
})

test('a guest keeps their portfolio by linking a Google account, and signs back in to it', async ({
  page,
}) => {
  const email = `linked-${Date.now()}@example.com`
  await signInAsGuest(page, '/stocks/MSFT')
  await placeOrder(page, { shares: '3' })
  await expect(page.getByText(/^Filled: bought 3 MSFT @ \$[\d,.]+$/)).toBeVisible()

  await page.goto('/account')
  await expect(page.getByText(/You are trading as a guest/)).toBeVisible()
  await page.getByRole('button', { name: 'Link a Google account' }).click()
  // The local stand-in for Google says it links rather than signs in.
  await expect(page.getByText('linked to the account you are signed in with')).toBeVisible()
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Full name').fill('Gus Guest')
  await page.getByRole('button', { name: 'Continue' }).click()

  await expect(page).toHaveURL('/account')
  await expect(page.getByText('Google account linked')).toBeVisible()
  await expect(page.getByText(new RegExp(`^${email} · member since`))).toBeVisible()
  await expect(page.getByText(/You are trading as a guest/)).toHaveCount(0)
  // The profile took the Google name in place of the generated guest name.
  await expect(page.getByRole('button', { name: /account menu/ })).toContainText('Gus Guest')
  await expect(page.getByLabel('Display name')).toHaveValue('Gus Guest')

  // Signed out, the portfolio is not gone: Google signs the same user back in.
  await page.getByRole('button', { name: /account menu/ }).click()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible()
  await page.goto('/sign-in?next=%2Fportfolio')
  await page.getByRole('button', { name: 'Sign in with Google' }).click()
  await page.getByRole('button', { name: new RegExp(email) }).click()
  await expect(page).toHaveURL('/portfolio')
  const holdings = page.getByRole('table', { name: /Holdings/ })
  await expect(holdings.getByRole('row').filter({ hasText: 'MSFT' })).toContainText('3')
})
