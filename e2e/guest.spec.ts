import { expect, test } from '@playwright/test'
import { signInAsGuest } from './app-helpers'

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
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible()
  // Signing out of a private page lands on the market, not on a sign-in page that would send
  // the next person to sign in on this device back to the same page.
  await expect(page).toHaveURL(/:\d+\/$/)
  await page.goto('/portfolio')
  await expect(page).toHaveURL(/\/sign-in/)
})
