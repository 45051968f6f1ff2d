import { expect, test, type Locator, type Page } from '@playwright/test'
import { signInAsGuest } from './app-helpers'

/**
 * Presses Tab (or Shift+Tab, `back`) until `target` has the focus, at most `max` times, and
 * checks the focused element shows a focus indicator: keyboard users must be able to reach it
 * and to see where they are.
 */
async function tabTo(page: Page, target: Locator, max = 40, back = false) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
    if (await target.evaluate((element) => element === document.activeElement)) {
      const indicator = await target.evaluate((element) => {
        const style = getComputedStyle(element)
        return style.outlineStyle !== 'none' || style.boxShadow !== 'none'
      })
      expect(indicator, 'the focused element shows a focus indicator').toBe(true)
      return
    }
  }
  throw new Error(`Tab did not reach ${target} in ${max} presses`)
}

test('a keyboard-only trader finds a stock, buys it and cancels a resting order', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await signInAsGuest(page)

  // "/" jumps to the search; the first matching row's link is a few Tabs away. The market page
  // loads after the sign-in: a trader presses "/" once they see it, and so does this test.
  const search = page.getByLabel('Search stocks')
  await expect(search).toBeVisible()
  await expect(search).not.toBeFocused()
  await page.locator('body').press('/')
  await expect(search).toBeFocused()
  await page.keyboard.type('coca')
  const ko = page.getByRole('link', { name: 'KO', exact: true })
  await expect(ko).toBeVisible()
  await tabTo(page, ko)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL('/stocks/KO')

  // The ticket: shares, review, confirm, all from the keyboard.
  const ticket = page.getByRole('form', { name: /Order ticket/ })
  const shares = ticket.getByLabel('Shares')
  await tabTo(page, shares, 80)
  await page.keyboard.type('3')
  await tabTo(page, ticket.getByRole('button', { name: 'Review buy order' }))
  await page.keyboard.press('Enter')
  const confirm = page.getByRole('dialog', { name: 'Confirm buy order' })
  await expect(confirm).toBeVisible()
  // Focus starts on the summary, so a second Enter does not trade; placing takes a Tab or two.
  await expect(confirm.getByRole('group', { name: 'Order summary' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(confirm).toBeVisible()
  await tabTo(page, confirm.getByRole('button', { name: 'Place buy order' }), 10)
  await page.keyboard.press('Enter')
  await expect(page.getByText(/^Filled: bought 3 KO @ \$[\d,.]+$/)).toBeVisible()
  await expect(page.getByRole('region', { name: 'Your position' })).toContainText('Shares3')

  // A limit sell far above the market rests. Buy/Sell is a radio group: Tab reaches the checked
  // side (back up the ticket), the arrow keys change it.
  await tabTo(page, ticket.getByRole('radio', { name: 'Buy' }), 40, true)
  await page.keyboard.press('ArrowRight')
  await expect(ticket.getByRole('radio', { name: 'Sell' })).toBeChecked()
  await expect(ticket.getByRole('radio', { name: 'Sell' })).toBeFocused()
  const orderType = ticket.getByLabel('Order type')
  await tabTo(page, orderType)
  await page.keyboard.press('ArrowDown') // Market → Limit
  await expect(orderType).toHaveValue('limit')
  await tabTo(page, shares)
  await page.keyboard.type('1')
  const limit = ticket.getByLabel('Limit price (USD)')
  await tabTo(page, limit)
  await page.keyboard.type('9999')
  await tabTo(page, ticket.getByRole('button', { name: 'Review sell order' }))
  await page.keyboard.press('Enter')
  const confirmSell = page.getByRole('dialog', { name: 'Confirm sell order' })
  await tabTo(page, confirmSell.getByRole('button', { name: 'Place sell order' }), 10)
  await page.keyboard.press('Enter')
  await expect(page.getByText(/^Order placed: limit sell 1 KO/)).toBeVisible()

  // Cancel it from "Your open orders in KO": Escape backs out of the dialog once, then confirm.
  const openOrders = page.getByRole('region', { name: 'Your open orders in KO' })
  const cancel = openOrders.getByRole('button', { name: /Cancel/ })
  await page.locator('body').focus()
  await tabTo(page, cancel, 80)
  await page.keyboard.press('Enter')
  const cancelDialog = page.getByRole('dialog')
  await expect(cancelDialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(cancelDialog).toBeHidden()
  await expect(cancel).toBeFocused() // focus returns to the button that opened the dialog
  await page.keyboard.press('Enter')
  await tabTo(page, cancelDialog.getByRole('button', { name: /Cancel order/ }), 10)
  await page.keyboard.press('Enter')
  await expect(openOrders).toBeHidden()
  await expect(page.getByText('Order cancelled')).toBeVisible()
  // The section went with its last order: focus moves on to the ticket, not to the page body.
  await expect(page.locator('#order-ticket')).toBeFocused()
})
