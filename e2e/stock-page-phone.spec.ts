import { expect, test } from '@playwright/test'
import { headerPrice, placeOrder, signInAsGuest } from './app-helpers'

test.use({ viewport: { width: 375, height: 740 } })

test('on a phone, the stock page puts its live price in the tab, and a trade bar opens the ticket on the chosen side', async ({
  page,
}) => {
  await signInAsGuest(page, '/stocks/AAPL')
  const ticket = page.getByRole('region', { name: 'Trade AAPL' })
  const sell = page.getByRole('button', { name: 'Sell AAPL' })
  // The ticket is below the chart and the stats, out of sight: the bar offers both sides.
  await expect(page.getByRole('button', { name: 'Buy AAPL' })).toBeInViewport()
  await expect(sell).toBeInViewport()
  await expect(ticket).not.toBeInViewport()
  // The tab shows the live price.
  await expect(page).toHaveTitle(/^AAPL \$[\d,]+\.\d{2,4} [+-]?\d+\.\d{2}% · StockTrade$/)
  await page.screenshot({ path: 'e2e/screenshots/trade-bar-375-top.png' })

  await sell.click()
  await expect(page).toHaveURL(/\/stocks\/AAPL\?side=sell#order-ticket$/)
  await expect(ticket).toBeInViewport()
  await expect(ticket).toBeFocused()
  await expect(ticket.getByRole('radio', { name: 'Sell' })).toHaveAttribute('aria-checked', 'true')
  // Its job done, the bar leaves the ticket's controls uncovered.
  await expect(sell).toBeHidden()
  await page.screenshot({ path: 'e2e/screenshots/trade-bar-375-ticket.png' })

  // Back at the top it returns, and Buy works even though the hash is already #order-ticket.
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.getByRole('button', { name: 'Buy AAPL' }).click()
  await expect(page).toHaveURL(/\?side=buy#order-ticket$/)
  await expect(ticket).toBeInViewport()
  await expect(ticket.getByRole('radio', { name: 'Buy' })).toHaveAttribute('aria-checked', 'true')

  // A guest's $100,000 in one tap.
  await ticket.getByRole('radio', { name: 'Dollars' }).click()
  await ticket.getByRole('button', { name: 'Use all buying power ($100,000.00)' }).click()
  await expect(ticket.getByLabel('Amount (USD)')).toHaveValue('100000.00')
  await ticket.screenshot({ path: 'e2e/screenshots/trade-bar-375-max.png' })
})

test('a resting order shows on its stock page and is cancelled there', async ({ page }) => {
  await signInAsGuest(page, '/stocks/MSFT')
  const here = page.getByRole('region', { name: 'Your open orders in MSFT' })
  await expect(page.getByRole('region', { name: 'Trade MSFT' })).toBeVisible()
  await expect(here).toBeHidden()

  // A limit buy at half the price rests.
  const limit = (Math.floor((await headerPrice(page)) * 50) / 100).toFixed(2)
  await expect(await placeOrder(page, { type: 'Limit', shares: '1', limit })).toBeHidden()
  await expect(here.getByRole('row')).toHaveCount(2)
  await expect(here).toContainText(`Limit $${limit}`)
  await page.screenshot({ path: 'e2e/screenshots/open-orders-here-375.png', fullPage: true })

  await here.getByRole('button', { name: 'Cancel order: Buy 1 MSFT limit' }).click()
  const dialog = page.getByRole('dialog', { name: 'Cancel this order?' })
  await dialog.getByRole('button', { name: 'Cancel order' }).click()
  await expect(dialog).toBeHidden()
  await expect(here).toBeHidden()
})
