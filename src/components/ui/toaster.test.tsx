import { act, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, Link, RouterProvider } from 'react-router'
import { Toaster } from './toaster'
import { dismissToast, toast } from './toast-store'

function renderToaster() {
  const page = (name: string, to: string) => (
    <>
      <p>{name}</p>
      <Link to={to}>Go</Link>
      <Toaster />
    </>
  )
  const router = createMemoryRouter(
    [
      { path: '/', element: page('Home', '/other') },
      { path: '/other', element: page('Other', '/') },
    ],
    { initialEntries: ['/'] },
  )
  return render(<RouterProvider router={router} />)
}

const shown: number[] = []
const show = (input: Parameters<typeof toast>[0]) => act(() => void shown.push(toast(input)))

afterEach(() => {
  act(() => shown.splice(0).forEach(dismissToast))
  vi.useRealTimers()
})

describe('Toaster', () => {
  it('sits bottom-left from md up, clear of the right-hand order ticket, and above the phone nav', () => {
    renderToaster()
    const region = screen.getByTestId('toaster')
    expect(region).toHaveClass('fixed', 'bottom-14', 'md:bottom-0', 'md:right-auto', 'md:w-96')
    expect(region.className).not.toMatch(/(^|\s)(sm:|md:|lg:)?(right-0|items-end)(\s|$)/)
  })

  it('rises above a fixed bottom bar (the Buy/Sell bar of the stock page) below lg', () => {
    renderToaster()
    expect(screen.getByTestId('toaster')).toHaveClass(
      '[body:has([data-bottom-bar])_&]:bottom-[6.75rem]',
      'md:[body:has([data-bottom-bar])_&]:bottom-14',
      'lg:[body:has([data-bottom-bar])_&]:bottom-0',
    )
  })

  it('goes to the top, under the header, below lg while a page keeps the bottom clear (the ticket on screen)', () => {
    renderToaster()
    expect(screen.getByTestId('toaster')).toHaveClass(
      '[body:has([data-keep-bottom-clear])_&]:top-14',
      '[body:has([data-keep-bottom-clear])_&]:bottom-auto',
      'lg:[body:has([data-keep-bottom-clear])_&]:top-auto',
      'lg:[body:has([data-keep-bottom-clear])_&]:bottom-0',
    )
  })

  it('announces confirmations politely and errors assertively, and dismisses on click', async () => {
    const user = userEvent.setup()
    renderToaster()
    show({ title: 'Order cancelled', tone: 'success' })
    show({ title: 'Could not sign out', tone: 'error' })
    expect(within(screen.getByRole('status')).getByText('Order cancelled')).toBeInTheDocument()
    expect(within(screen.getByRole('alert')).getByText('Could not sign out')).toBeInTheDocument()
    await user.click(
      within(screen.getByRole('status')).getByRole('button', { name: 'Dismiss notification' }),
    )
    expect(screen.queryByText('Order cancelled')).not.toBeInTheDocument()
  })

  it('closing a toast by keyboard hands the focus on: the next toast, then back to the page', async () => {
    const user = userEvent.setup()
    renderToaster()
    show({ title: 'Filled: bought 1 AAPL', tone: 'success' })
    show({ title: 'Filled: bought 2 MSFT', tone: 'success' })
    const go = screen.getByRole('link', { name: 'Go' })
    act(() => go.focus())
    const [first, second] = screen.getAllByRole('button', { name: 'Dismiss notification' })
    act(() => first.focus())
    await user.keyboard('{Enter}')
    expect(screen.queryByText('Filled: bought 1 AAPL')).not.toBeInTheDocument()
    expect(second).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(screen.queryByText('Filled: bought 2 MSFT')).not.toBeInTheDocument()
    expect(go).toHaveFocus()
  })

  it('leaves out a link to the page the user is already on', async () => {
    const user = userEvent.setup()
    renderToaster()
    show({ title: 'Filled: sold 3 AAPL', action: { label: 'View portfolio', href: '/other' } })
    expect(screen.getByRole('link', { name: 'View portfolio' })).toBeInTheDocument()
    await user.click(screen.getByRole('link', { name: 'Go' }))
    expect(await screen.findByText('Other')).toBeInTheDocument()
    expect(screen.getByText('Filled: sold 3 AAPL')).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'View portfolio' })).not.toBeInTheDocument()
  })

  it('keeps confirmations ~4.5 s, toasts with a link 8 s and errors 10 s', () => {
    vi.useFakeTimers()
    renderToaster()
    show({ title: 'Saved', tone: 'success' })
    show({ title: 'Filled', tone: 'success', action: { label: 'View', href: '/other' } })
    show({ title: 'Failed', tone: 'error' })
    show({ title: 'Alert', action: { label: 'Trade', href: '/other' }, durationMs: 15_000 })
    act(() => vi.advanceTimersByTime(4_600))
    expect(screen.queryByText('Saved')).not.toBeInTheDocument()
    expect(screen.getByText('Filled')).toBeInTheDocument()
    act(() => vi.advanceTimersByTime(3_500))
    expect(screen.queryByText('Filled')).not.toBeInTheDocument()
    expect(screen.getByText('Failed')).toBeInTheDocument()
    act(() => vi.advanceTimersByTime(2_000))
    expect(screen.queryByText('Failed')).not.toBeInTheDocument()
    expect(screen.getByText('Alert')).toBeInTheDocument()
    act(() => vi.advanceTimersByTime(5_000))
    expect(screen.queryByText('Alert')).not.toBeInTheDocument()
  })

  it('drops earlier confirmations on a page change, keeping errors, links and fresh ones', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const user = userEvent.setup()
    renderToaster()
    show({ title: 'CSV exported', tone: 'success' })
    show({ title: 'Export failed', tone: 'error' })
    show({ title: 'Filled', tone: 'success', action: { label: 'View', href: '/other' } })
    vi.setSystemTime(Date.now() + 2_000)
    show({ title: 'Your account was deleted', tone: 'success' })
    await user.click(screen.getByRole('link', { name: 'Go' }))
    expect(await screen.findByText('Other')).toBeInTheDocument()
    expect(screen.queryByText('CSV exported')).not.toBeInTheDocument()
    expect(screen.getByText('Export failed')).toBeInTheDocument()
    expect(screen.getByText('Filled')).toBeInTheDocument()
    expect(screen.getByText('Your account was deleted')).toBeInTheDocument()
  })

  // fireEvent and focus() rather than user-event: its act() wrapper waits on a timer that fake
  // timers under Vitest never run.
  describe('holds a toast while the pointer is over it or the focus is inside it', () => {
    const trade = { title: 'AAPL crossed $200', action: { label: 'Trade AAPL', href: '/other' } }
    const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms))
    const focus = (element: HTMLElement) => act(() => element.focus())
    beforeEach(() => vi.useFakeTimers())

    it('pauses on hover and goes on with the time it had left', () => {
      renderToaster()
      show(trade)
      wait(5_000)
      fireEvent.pointerEnter(screen.getByText('AAPL crossed $200'))
      wait(60_000)
      expect(screen.getByText('AAPL crossed $200')).toBeInTheDocument()
      fireEvent.pointerLeave(screen.getByText('AAPL crossed $200'))
      wait(2_900)
      expect(screen.getByText('AAPL crossed $200')).toBeInTheDocument()
      wait(200)
      expect(screen.queryByText('AAPL crossed $200')).not.toBeInTheDocument()
    })

    it('never removes the toast the keyboard is in, and resumes once the focus leaves it', () => {
      renderToaster()
      show(trade)
      wait(7_000)
      const link = screen.getByRole('link', { name: 'Trade AAPL' })
      focus(link)
      wait(60_000)
      expect(link).toHaveFocus()
      // The pointer passing over and off while the focus stays: still held.
      fireEvent.pointerEnter(link)
      fireEvent.pointerLeave(link)
      // To the dismiss button and back: the focus never left the toast.
      focus(screen.getByRole('button', { name: 'Dismiss notification' }))
      focus(link)
      // The window losing focus leaves the link the page's active element: still held.
      fireEvent.focusOut(link, { relatedTarget: null })
      wait(60_000)
      expect(link).toHaveFocus()
      focus(screen.getByRole('link', { name: 'Go' }))
      wait(900)
      expect(screen.getByText('AAPL crossed $200')).toBeInTheDocument()
      wait(200)
      expect(screen.queryByText('AAPL crossed $200')).not.toBeInTheDocument()
    })

    it('keeps a focused toast when a burst of new ones overflows the stack', () => {
      renderToaster()
      show(trade)
      show({ title: 'Filled 1', tone: 'success' })
      const link = screen.getByRole('link', { name: 'Trade AAPL' })
      focus(link)
      for (const n of [2, 3, 4]) show({ title: `Filled ${n}`, tone: 'success' })
      expect(link).toHaveFocus()
      expect(screen.queryByText('Filled 1')).not.toBeInTheDocument()
      expect(screen.getByText('Filled 4')).toBeInTheDocument()
    })
  })
})
