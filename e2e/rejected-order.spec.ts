import { expect, test } from '@playwright/test'
import { ANON_KEY } from '../local-supabase/config.ts'
import { signInAsGuest } from './app-helpers'

/** The stack playwright.config.ts starts for e2e. */
const STACK_URL = 'http://127.0.0.1:54329'

test('an unaffordable order is refused in plain words, by the ticket and by the server', async ({
  page,
}) => {
  await signInAsGuest(page, '/stocks/AAPL')
  const ticket = page.getByRole('form', { name: 'Order ticket for AAPL' })
  await expect(ticket.getByText('$100,000.00')).toBeVisible()

  // The ticket checks buying power before anything is sent.
  await ticket.getByLabel('Shares').fill('100000')
  await expect(ticket.getByRole('alert')).toHaveText(
    /^Not enough buying power for this order\. You can buy at most [\d,.]+ shares\.$/,
  )
  await expect(ticket.getByRole('button', { name: 'Review buy order' })).toBeDisabled()

  // Affordable when reviewed; then the cash is spent elsewhere before it is sent.
  await ticket.getByLabel('Shares').fill('100')
  await ticket.getByRole('button', { name: 'Review buy order' }).click()
  const dialog = page.getByRole('dialog', { name: 'Confirm buy order' })
  await expect(dialog).toBeVisible()
  const accessToken = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.endsWith('-auth-token'))!
    return JSON.parse(localStorage.getItem(key)!).access_token as string
  })
  // Another tab of the same user spends the cash before this tab hears of it: its profile reads
  // are held back, or the dialog would see the new buying power and refuse the order itself
  // (order-ticket.test.tsx covers that); here the server is the one to refuse.
  await page.route(/\/rest\/v1\/profiles/, (route) => route.abort())
  const response = await page.request.post(`${STACK_URL}/rest/v1/rpc/place_order`, {
    headers: {
      apikey: ANON_KEY,
      Authorization: `Bearer ${accessToken}`,
      'Content-Type': 'application/json',
    },
    data: { p_symbol: 'MSFT', p_side: 'buy', p_quantity: null, p_notional: 95000 },
  })
  expect(response.status()).toBe(200)

  await dialog.getByRole('button', { name: 'Place buy order' }).click()
  // The server's sentence, in dollars and cents: what the order costs and what is left.
  await expect(dialog.getByRole('alert')).toHaveText(
    /^Not enough buying power: this order costs \$[\d,]+\.\d\d and you have \$[\d,]+\.\d\d available\.$/,
  )
  // The same order would be refused again: the way on is to change it.
  await expect(dialog.getByRole('button', { name: 'Try again' })).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Edit order' }).click()
  await expect(dialog).toBeHidden()
  await expect(ticket.getByLabel('Shares')).toHaveValue('100')
})
