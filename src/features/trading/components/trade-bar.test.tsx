import { useRef } from 'react'
import { act, render, screen } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { TradeBar } from './trade-bar'

/** Stands in for the browser's observer: the test says when the ticket comes on screen. */
class FakeObserver {
  static all: FakeObserver[] = []
  readonly targets = new Set<Element>()
  constructor(readonly callback: IntersectionObserverCallback) {
    FakeObserver.all.push(this)
  }
  observe(target: Element) {
    this.targets.add(target)
  }
  unobserve(target: Element) {
    this.targets.delete(target)
  }
  disconnect() {}
}

function setOnScreen(target: Element, isIntersecting: boolean) {
  act(() => {
    for (const observer of FakeObserver.all)
      if (observer.targets.has(target))
        observer.callback(
          [{ target, isIntersecting } as IntersectionObserverEntry],
          observer as unknown as IntersectionObserver,
        )
  })
}

function Page() {
  const ticket = useRef<HTMLElement>(null)
  return (
    <>
      <section ref={ticket} aria-label="Trade AAPL" />
      <TradeBar symbol="AAPL" ticket={ticket} />
    </>
  )
}

beforeEach(() => vi.stubGlobal('IntersectionObserver', FakeObserver))
afterEach(() => vi.unstubAllGlobals())

describe('TradeBar', () => {
  it('shows (and lifts the toasts) only while the ticket is off screen; then keeps the bottom clear for it', () => {
    const router = createMemoryRouter([{ path: '/', element: <Page /> }])
    const { container } = render(<RouterProvider router={router} />)
    const ticket = screen.getByRole('region', { name: 'Trade AAPL' })

    setOnScreen(ticket, false)
    expect(screen.getByRole('button', { name: 'Buy AAPL' })).toBeInTheDocument()
    expect(container.querySelector('[data-bottom-bar]')).not.toBeNull()
    expect(container.querySelector('[data-keep-bottom-clear]')).toBeNull()

    // The ticket on screen: the bar steps aside, and the toasts are told to leave its
    // bottom (the Review button) clear rather than sit over it.
    setOnScreen(ticket, true)
    expect(screen.queryByRole('button', { name: 'Buy AAPL' })).not.toBeInTheDocument()
    expect(container.querySelector('[data-bottom-bar]')).toBeNull()
    const flag = container.querySelector('[data-keep-bottom-clear]')
    expect(flag).not.toBeNull()
    expect(flag).not.toBeVisible()
    expect(flag).toBeEmptyDOMElement()
  })
})
