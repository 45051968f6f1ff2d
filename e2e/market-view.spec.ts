import { expect, test } from '@playwright/test'

test('the market view survives a visit to a stock: URL, scroll position and the way back', async ({
  page,
}) => {
  await page.goto('/')
  const table = page.getByRole('table', { name: 'Stocks' })
  // Stock links, not just rows: while the list loads the table holds ten skeleton rows.
  await expect(table.getByRole('link').nth(10)).toBeVisible()
  // A column that ticks do not reorder (prices re-sort every few seconds).
  await page
    .getByRole('columnheader', { name: /Symbol/ })
    .getByRole('button')
    .click()
  await expect(page).toHaveURL('/?sort=symbol&dir=desc')

  // Far enough down that the windowed table must be its full height again when Back restores
  // the scroll position (its first render holds only the rows that fit the window).
  // Scrolled again on each poll: the page may still grow as the window measures its rows.
  await expect
    .poll(() =>
      page.evaluate(() => {
        window.scrollTo(0, document.documentElement.scrollHeight)
        return window.scrollY
      }),
    )
    .toBeGreaterThan(1500)
  const scrolled = await page.evaluate(() => window.scrollY)
  const symbol = await page.evaluate(() => {
    const rows = Array.from(document.querySelectorAll('tbody tr[data-row]'))
    const onScreen = rows.find((row) => row.getBoundingClientRect().top > 100)
    return onScreen?.querySelector('a')?.textContent ?? ''
  })
  await page.getByRole('link', { name: symbol, exact: true }).click()
  await expect(page.getByRole('heading', { name: `Trade ${symbol}` })).toBeVisible()
  await expect(page.getByRole('main').getByRole('link', { name: 'Market' })).toHaveAttribute(
    'href',
    '/?sort=symbol&dir=desc',
  )

  await page.goBack()
  await expect(page).toHaveURL('/?sort=symbol&dir=desc')
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThanOrEqual(scrolled - 2)
  await expect(page.getByRole('link', { name: symbol, exact: true })).toBeInViewport()
  await expect(page.getByRole('columnheader', { name: /Symbol/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  )
})

test('a page loaded into the tab starts at the top, not where the last loaded page was left', async ({
  page,
}) => {
  await page.goto('/')
  const links = page.getByRole('table', { name: 'Stocks' }).getByRole('link')
  await expect(links.nth(10)).toBeVisible()
  await expect
    .poll(() =>
      page.evaluate(() => {
        window.scrollTo(0, 800)
        return window.scrollY
      }),
    )
    .toBe(800)

  // A new load into the tab: a typed URL, a bookmark, the redirect back from Google's sign-in.
  // (A restore runs as the router's first render commits, before the page's content is shown.)
  await page.goto('/sign-in')
  await expect(page.getByRole('button', { name: 'Try as guest' })).toBeVisible()
  expect(await page.evaluate(() => window.scrollY)).toBe(0)

  // A reload too: the page could only be put back onto its loading skeleton (a few dozen px).
  await page.goto('/')
  await expect(links.nth(10)).toBeVisible()
  await page.evaluate(() => window.scrollTo(0, 800))
  await page.reload()
  await expect(links.nth(10)).toBeVisible()
  expect(await page.evaluate(() => window.scrollY)).toBe(0)
})
