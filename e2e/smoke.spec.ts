import { expect, test } from '@playwright/test'

test('the built app loads, shows the market and makes no failed requests', async ({ page }) => {
  const failures: string[] = []
  page.on('pageerror', (error) => failures.push(error.message))
  page.on('response', (response) => {
    if (response.status() >= 500) failures.push(`${response.status()} ${response.url()}`)
  })

  await page.goto('/')
  await expect(page).toHaveTitle(/StockTrade/)
  await expect(page.getByRole('main')).toBeVisible()
  await page.screenshot({ path: 'e2e/screenshots/smoke.png', fullPage: true })
  expect(failures).toEqual([])
})
