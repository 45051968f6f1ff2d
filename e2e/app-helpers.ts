import { expect, type Page } from '@playwright/test'

/** "Try as guest" from the sign-in page; lands on `next` (the market by default). */
export async function signInAsGuest(page: Page, next = '/') {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`)
  await page.getByRole('button', { name: 'Try as guest' }).click()
  await expect(page).toHaveURL(next)
  await expect(page.getByRole('button', { name: /account menu/ })).toBeVisible()
}

/** "Sign in with Google" through the local stack's account picker (the real PKCE redirect). */
export async function signInWithGoogle(page: Page, email: string, fullName: string) {
  await page.goto('/sign-in')
  await page.getByRole('button', { name: 'Sign in with Google' }).click()
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Full name').fill(fullName)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page).toHaveURL('/')
  await expect(page.getByRole('button', { name: /account menu/ })).toContainText(fullName)
}

/** The live price in the stock page header, as a number. */
export async function headerPrice(page: Page): Promise<number> {
  const text = await page.locator('main h1 + p + p span').first().innerText()
  return Number(text.replace(/[^0-9.]/g, ''))
}

/** Fills and submits the order ticket, confirming in the dialog. */
export async function placeOrder(
  page: Page,
  order: { side?: 'Buy' | 'Sell'; type?: string; shares: string; limit?: string; stop?: string },
) {
  const ticket = page.getByRole('form', { name: /Order ticket/ })
  if (order.side) await ticket.getByRole('radio', { name: order.side }).click()
  if (order.type) await ticket.getByLabel('Order type').selectOption({ label: order.type })
  await ticket.getByLabel('Shares').fill(order.shares)
  if (order.stop) await ticket.getByLabel('Stop price (USD)').fill(order.stop)
  if (order.limit) await ticket.getByLabel('Limit price (USD)').fill(order.limit)
  const side = (order.side ?? 'Buy').toLowerCase()
  await ticket.getByRole('button', { name: `Review ${side} order` }).click()
  const dialog = page.getByRole('dialog', { name: `Confirm ${side} order` })
  await dialog.getByRole('button', { name: `Place ${side} order` }).click()
  return dialog
}
