import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { signInAsGuest } from './app-helpers'

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

/** Where the market's heading and the line under it sit. */
async function marketIntro(page: Page) {
  const heading = page.getByRole('heading', { name: 'Market', level: 1 })
  const line = page.getByText('Live simulated prices for well-known US stocks.')
  await expect(heading).toBeVisible()
  await expect(line).toBeVisible()
  return [await heading.boundingBox(), await line.boundingBox()]
}

for (const width of [1280, 375]) {
  test(`the landing page's shell paints the market's heading where React renders it (${width} px)`, async ({
    browser,
    baseURL,
  }) => {
    const viewport = { width, height: 800 }
    // The app's code never arrives: the page shows what index.html paints before it has run.
    const shellContext = await browser.newContext({ baseURL, viewport })
    const shellPage = await shellContext.newPage()
    await shellPage.route('**/assets/*.js', (route) => route.abort())
    await shellPage.goto('/')
    const shell = await marketIntro(shellPage)
    // Any other page's shell is the header alone: no market heading before that page renders.
    await shellPage.goto('/portfolio')
    await expect(shellPage.getByRole('banner')).toBeVisible()
    await expect(shellPage.getByRole('heading')).toHaveCount(0)
    await shellContext.close()

    const appContext = await browser.newContext({ baseURL, viewport })
    const appPage = await appContext.newPage()
    await appPage.goto('/')
    await expect(appPage.getByRole('table', { name: 'Stocks' })).toBeVisible()
    const app = await marketIntro(appPage)
    await appContext.close()

    expect(shell).toEqual(app)
  })
}

const headerWidths = [360, 375, 414, 640, 700, 768, 800, 830, 900, 1024, 1100, 1280]

/**
 * How the header fits: how far the page scrolls sideways, how far the header's items stick out
 * of its row, and on how many lines the Sign in link / the account menu's button sit.
 */
async function headerFit(page: Page) {
  return page.evaluate(() => {
    // Lines of text in a box: its content height over its line height (1 unless it wraps).
    const lines = (element: Element | null) => {
      if (!element) return null
      const style = getComputedStyle(element)
      const frame = [
        style.paddingTop,
        style.paddingBottom,
        style.borderTopWidth,
        style.borderBottomWidth,
      ]
        .map(parseFloat)
        .reduce((sum, value) => sum + value, 0)
      const height = element.getBoundingClientRect().height - frame
      return Math.round(height / parseFloat(style.lineHeight))
    }
    const row = document.querySelector('header > div')
    if (!row) throw new Error('no header row')
    const rowBox = row.getBoundingClientRect()
    const below = Array.from(row.children).filter(
      (child) => child.getBoundingClientRect().bottom > rowBox.bottom + 1,
    )
    return {
      sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      rowSticksOut: row.scrollWidth - row.clientWidth,
      below: below.length,
      signInLines: lines(document.querySelector('header a[href="/sign-in"]')),
      menuButtonLines: lines(document.querySelector('header button[aria-expanded]')),
    }
  })
}

/**
 * SPEC: usable from 360 px. At every width the header stays one row: nothing scrolls sideways,
 * Sign in never wraps onto two lines (it did at 360-375 px beside "Reconnecting", and at 768 px
 * beside the full navigation), and one of the two navigations is always there.
 */
async function expectHeaderFits(page: Page, label: string, signedIn: boolean) {
  for (const width of headerWidths) {
    await page.setViewportSize({ width, height: 800 })
    const at = `${label} at ${width} px`
    await expect(page.getByRole('navigation', { name: /^Main( mobile)?$/ }), at).toHaveCount(1)
    await expect(page.getByRole('banner').getByRole('link', { name: 'StockTrade' })).toBeVisible()
    const fit = await headerFit(page)
    expect(fit, at).toEqual({
      sideways: 0,
      rowSticksOut: 0,
      below: 0,
      signInLines: signedIn ? null : 1,
      menuButtonLines: signedIn ? 1 : null,
    })
  }
}

test('the header fits one row from 360 to 1280 px, live or not, signed out or in', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000)
  for (const signedIn of [false, true]) {
    for (const live of [true, false]) {
      const context = await browser.newContext({ baseURL })
      const page = await context.newPage()
      if (signedIn) await signInAsGuest(page)
      // Realtime refused: the indicator says "Reconnecting", then "Reconnecting · polling".
      if (!live) await page.routeWebSocket(/\/realtime\//, (ws) => ws.close())
      await page.goto('/')
      const status = page.getByTestId('connection-status')
      if (live) {
        await expect(status).toHaveAttribute('data-status', 'live')
      } else {
        await expect(status).toHaveAttribute('data-status', 'reconnecting')
        await expect(status).toHaveAttribute('data-polling', 'true', { timeout: 20_000 })
      }
      const label = `${signedIn ? 'guest' : 'signed out'}, ${live ? 'live' : 'reconnecting'}`
      await expectHeaderFits(page, label, signedIn)
      await context.close()
    }
  }
})
