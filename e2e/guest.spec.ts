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
  await page.goto('/portfolio')
  await expect(page).toHaveURL(/\/sign-in/)
})
