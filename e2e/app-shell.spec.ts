import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'

/** Where the header's home link (icon and app name) sits, and what it says. */
async function brand(page: Page) {
  const link = page.getByRole('banner').getByRole('link').first()
  await expect(link).toBeVisible()
  return { text: (await link.innerText()).trim(), box: await link.boundingBox() }
}

for (const width of [1280, 375]) {
  test(`the app shell paints the header React renders, in the same place (${width} px)`, async ({
    browser,
    baseURL,
  }) => {
    const viewport = { width, height: 800 }
    // Without JavaScript the page shows what index.html paints before the app has run.
    const shellContext = await browser.newContext({ baseURL, viewport, javaScriptEnabled: false })
    const shellPage = await shellContext.newPage()
    await shellPage.goto('/portfolio')
    const shell = await brand(shellPage)
    // The build inlines the stylesheet: nothing to fetch before the first paint.
    expect(await shellPage.locator('link[rel="stylesheet"]').count()).toBe(0)
    expect(await shellPage.locator('head style').count()).toBe(1)
    await shellContext.close()

    const appContext = await browser.newContext({ baseURL, viewport })
    const appPage = await appContext.newPage()
    await appPage.goto('/')
    await expect(appPage.getByRole('heading', { name: 'Market' })).toBeVisible()
    const app = await brand(appPage)
    await appContext.close()

    expect(shell.text).toBe('StockTrade')
    expect(shell.text).toBe(app.text)
    expect(shell.box).toEqual(app.box)
  })
}
