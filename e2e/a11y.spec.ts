import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { signInAsGuest } from './app-helpers'

const publicPages = ['/', '/stocks/AAPL', '/sign-in', '/auth/callback', '/no-such-page']
const userPages = ['/portfolio', '/history', '/watchlist', '/leaderboard', '/account']

/** WCAG 2.4.2: every page says what it is in the tab's title. */
const titles: Record<string, RegExp> = {
  '/': /^Market · StockTrade$/,
  '/stocks/AAPL': /^AAPL \$[\d,.]+ [+−-]?\d+\.\d{2}% · StockTrade$/,
  '/sign-in': /^Sign in · StockTrade$/,
  '/auth/callback': /^Sign-in did not complete · StockTrade$/,
  '/no-such-page': /^Page not found · StockTrade$/,
  '/portfolio': /^Portfolio · StockTrade$/,
  '/history': /^History · StockTrade$/,
  '/watchlist': /^Watchlist · StockTrade$/,
  '/leaderboard': /^Leaderboard · StockTrade$/,
  '/account': /^Account · StockTrade$/,
}

async function settle(page: Page) {
  await expect(page.getByRole('main')).toBeVisible()
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 })
  // Price flashes tint a background for a moment; reduced motion turns them off, so contrast
  // is measured at rest.
  await page.emulateMedia({ reducedMotion: 'reduce' })
}

/**
 * SPEC: usable down to 360 px. Nothing may make the page itself scroll sideways (wide tables
 * scroll inside their own container); the message names what sticks out.
 */
async function expectNoSidewaysScroll(page: Page, label: string) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const wider = Array.from(document.querySelectorAll('body *'))
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .filter((element) => {
        for (let up = element.parentElement; up; up = up.parentElement) {
          if (getComputedStyle(up).overflowX !== 'visible') return false
        }
        return true
      })
      .map((element) => element.tagName.toLowerCase() + (element.id ? `#${element.id}` : ''))
    return { scrollWidth: document.documentElement.scrollWidth, width, wider: wider.slice(0, 5) }
  })
  expect(overflow.scrollWidth, `${label} scrolls sideways: ${overflow.wider.join(', ')}`).toBe(
    overflow.width,
  )
}

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
  expect(summary, `axe violations on ${label}`).toEqual([])
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme })

    test('every page passes axe (WCAG 2.1 AA), is screenshotted at 1280 and 375 px, fits 360 px', async ({
      page,
    }) => {
      test.setTimeout(180_000)
      const visit = async (path: string) => {
        for (const width of [1280, 375]) {
          await page.setViewportSize({ width, height: 900 })
          await page.goto(path)
          await settle(page)
          await expect(page).toHaveTitle(titles[path])
          await expectNoViolations(page, `${path} at ${width}px`)
          const name = path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'market'
          await page.screenshot({
            path: `e2e/screenshots/${name}-${width}-${theme}.png`,
            fullPage: true,
          })
        }
        await page.setViewportSize({ width: 360, height: 800 })
        await settle(page)
        await expectNoSidewaysScroll(page, `${path} at 360px`)
      }
      for (const path of publicPages) await visit(path)
      await signInAsGuest(page)
      for (const path of [...userPages, '/stocks/AAPL']) await visit(path)

      // The order ticket's confirmation dialog.
      await page.goto('/stocks/AAPL')
      const ticket = page.getByRole('form', { name: 'Order ticket for AAPL' })
      await ticket.getByLabel('Shares').fill('1')
      await ticket.getByRole('button', { name: 'Review buy order' }).click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await expectNoViolations(page, 'order confirmation dialog')
      await page.screenshot({ path: `e2e/screenshots/confirm-order-375-${theme}.png` })

      // The stock page once the user has traded it: the position and "Your trades in AAPL".
      await page.getByRole('dialog').getByRole('button', { name: 'Place buy order' }).click()
      await expect(page.getByRole('region', { name: 'Your trades in AAPL' })).toBeVisible()
      await visit('/stocks/AAPL')
      await expect(page.getByRole('region', { name: 'Your trades in AAPL' })).toBeVisible()

      // States no plain visit shows: a market search that matches nothing, and History's
      // message for a range that ends before it starts (fields marked invalid and described).
      await page.goto('/?q=zzzz')
      await expect(page.getByRole('button', { name: 'Show all stocks' })).toBeVisible()
      await expectNoViolations(page, 'market with no match')
      await page.goto('/history')
      await settle(page)
      await page.getByLabel('From', { exact: true }).fill('2026-11-20')
      await page.getByLabel('To', { exact: true }).fill('2026-11-10')
      await expect(page.getByText('The end date is before the start date.')).toBeVisible()
      await expectNoViolations(page, 'history filters with an inverted range')
    })
  })
}
