import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { headerPrice, placeOrder, signInWithGoogle } from './app-helpers'

test("a new user's whole journey", async ({ page }) => {
  test.setTimeout(120_000)
  const email = `journey-${Date.now()}@example.com`

  // Google sign-in through the local account picker (the same PKCE redirect Google makes).
  await signInWithGoogle(page, email, 'Jo Journey')

  // Market → stock page.
  await expect(page.getByRole('table', { name: 'Stocks' })).toBeVisible()
  await page.getByRole('link', { name: 'AAPL', exact: true }).click()
  await expect(page).toHaveURL('/stocks/AAPL')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('AAPL')
  const chart = page.getByRole('img', { name: /AAPL candlestick chart/ })
  await expect(chart).toBeVisible()
  // The legend shows the latest bar's open, high, low, close and volume, live; under the
  // pointer, a past bar's, which no tick changes; off the chart, the latest bar's again.
  const legend = page.getByTestId('chart-legend')
  await expect(legend).toHaveText(/^O \$[\d,.]+H \$[\d,.]+L \$[\d,.]+C \$[\d,.]+Vol [\d.]+[KMB]?$/)
  // Hovered on the 1W range, whose 7 daily bars are wide: late in the UTC day 1D holds ~1,400
  // minute bars half a pixel apart, and any re-layout (the price scale's labels widening on a
  // tick) brings another bar under a still pointer, as the legend then rightly says.
  await page.getByRole('radio', { name: '1W' }).click()
  await expect(page.getByRole('img', { name: /AAPL candlestick chart, past week/ })).toBeVisible()
  const box = (await chart.boundingBox())!
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5)
  await page.waitForTimeout(300)
  const hovered = await legend.textContent()
  await page.waitForTimeout(1200) // two ticks
  await expect(legend).toHaveText(hovered!)
  await page.mouse.move(0, 0)
  await expect(legend).not.toHaveText(hovered!)

  // Key stats: the day, the 30-day average volume and the year's range (both from the 1Y daily
  // candles).
  const stats = page.getByRole('region', { name: 'Key stats' })
  await expect(stats).toContainText(/Avg\. volume \(30 d\)\s*[\d.]+[KMB]?/)
  await expect(stats).toContainText(/52-week high\s*\$[\d,.]+/)
  await expect(stats).toContainText(/52-week low\s*\$[\d,.]+/)

  // Buy 2 shares at market: filled at once, announced by a toast.
  await placeOrder(page, { shares: '2' })
  await expect(page.getByText(/^Filled: bought 2 AAPL @ \$[\d,.]+$/)).toBeVisible()
  await expect(page.getByRole('region', { name: 'Your position' })).toContainText('Shares2')

  // The portfolio shows the holding.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Portfolio' })
    .click()
  const holdings = page.getByRole('table', { name: /Holdings/ })
  await expect(holdings.getByRole('row').filter({ hasText: 'AAPL' })).toBeVisible()

  // A limit buy above the market is not filled by place_order but on the next tick, whatever
  // page is open; the toast says so rather than that it rests.
  await page.goto('/stocks/AAPL')
  const price = await headerPrice(page)
  await placeOrder(page, { type: 'Limit', shares: '1', limit: (price * 1.05).toFixed(2) })
  await expect(page.getByText(/^Order placed: limit buy 1 AAPL/)).toBeVisible()
  await expect(page.getByText(/^It will likely fill on the next tick/)).toBeVisible()
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'History' })
    .click()
  await expect(page.getByText(/^Filled: bought 1 AAPL @ \$[\d,.]+$/)).toBeVisible({
    timeout: 15_000,
  })

  // History exports a CSV of the fills.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const csv = await readFile((await (await download).path())!, 'utf8')
  expect(csv.split('\n').filter((line) => line.includes('AAPL')).length).toBeGreaterThanOrEqual(2)

  // Watch MSFT with an alert the next tick crosses; the alert leads to the order ticket.
  await page.goto('/stocks/MSFT')
  const msft = await headerPrice(page)
  await page.getByRole('button', { name: 'Watch' }).click()
  await expect(page.getByRole('button', { name: 'Watching' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Watchlist' })
    .click()
  await page.getByRole('button', { name: 'Set price alert for MSFT' }).click()
  const alertDialog = page.getByRole('dialog', { name: 'Price alert for MSFT' })
  // An alert must lie beyond the live price (the dialog refuses one already crossed): one a few
  // cents each side, which the next ticks cross (a tick here moves MSFT a few cents).
  const save = alertDialog.getByRole('button', { name: 'Save alert' })
  await expect(async () => {
    const text = await alertDialog.getByText(/^Current price:/).innerText()
    const now = Number(text.replace(/[^0-9.]/g, ''))
    expect(Math.abs(now - msft) / msft).toBeLessThan(0.05)
    await alertDialog.getByLabel('Alert when the price rises to').fill((now + 0.05).toFixed(2))
    await alertDialog.getByLabel('Alert when the price falls to').fill((now - 0.05).toFixed(2))
    await expect(save).toBeEnabled({ timeout: 200 })
  }).toPass({ timeout: 10_000 })
  await save.click()
  const alertToast = page.getByText(/^Alert: MSFT (rose above|fell below) your \$[\d,.]+ target$/)
  await expect(alertToast).toBeVisible({ timeout: 15_000 })
  await page.getByRole('link', { name: 'Trade MSFT' }).first().click()
  await expect(page).toHaveURL(/\/stocks\/MSFT/)
  await expect(page.getByRole('form', { name: 'Order ticket for MSFT' })).toBeVisible()

  // Reset the portfolio: back to the starting cash.
  await page.getByRole('button', { name: /account menu/ }).click()
  await page.getByRole('link', { name: 'Account' }).click()
  await page.getByRole('button', { name: 'Reset portfolio' }).click()
  const reset = page.getByRole('dialog', { name: 'Reset your portfolio?' })
  await reset.getByLabel(/Type RESET to confirm/).fill('RESET')
  await reset.getByRole('button', { name: 'Reset portfolio' }).click()
  await expect(page.getByText('Portfolio reset')).toBeVisible()
  await page.goto('/stocks/AAPL')
  await expect(page.getByRole('form', { name: 'Order ticket for AAPL' })).toContainText(
    '$100,000.00',
  )
  await expect(page.getByRole('region', { name: 'Your position' })).toContainText(
    'You have no AAPL shares',
  )

  // Sign out: the user's data is gone from the page and protected pages ask to sign in.
  await page.getByRole('button', { name: /account menu/ }).click()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toBeVisible()
  await page.goto('/portfolio')
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fportfolio/)
})
