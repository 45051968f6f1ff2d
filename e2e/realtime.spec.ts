import { expect, test } from '@playwright/test'

test('the connection indicator follows a network drop, polls, and recovers', async ({
  page,
  context,
}) => {
  await page.goto('/')
  const status = page.getByTestId('connection-status')
  await expect(status).toHaveAttribute('data-status', 'live')
  await expect(status).toHaveText('Live')

  // Prices move while live.
  const aapl = page
    .getByRole('link', { name: 'AAPL' })
    .locator('xpath=ancestor::tr')
    .getByText(/^\$/)
  const before = await aapl.innerText()
  await expect(aapl).not.toHaveText(before, { timeout: 10_000 })

  await context.setOffline(true)
  // The browser says it is offline: the page says so at once, and from when the prices are.
  await expect(status).toHaveAttribute('data-status', 'offline')
  const notice = page.getByText(/^You are offline\. Prices shown are from \d{1,2}:\d{2}/)
  await expect(notice).toBeVisible()
  await expect(status).toHaveAttribute('data-unreachable', 'true')
  // Realtime down for more than ~10 s: polling takes over (and cannot reach the server either).
  await expect(status).toHaveAttribute('data-polling', 'true', { timeout: 20_000 })
  await expect(notice).toBeVisible()

  await context.setOffline(false)
  await expect(status).toHaveAttribute('data-status', 'live', { timeout: 30_000 })
  await expect(status).toHaveAttribute('data-unreachable', 'false')
  await expect(notice).toBeHidden()
  const after = await aapl.innerText()
  await expect(aapl).not.toHaveText(after, { timeout: 10_000 })
})
