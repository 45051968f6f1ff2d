import { render, screen } from '@testing-library/react'
import { FLASH_MS } from './price-flash'
import { Price } from './price'

describe('Price', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('flashes the direction of a move when flashKey changes, not when it mounts', () => {
    const { rerender } = render(<Price value={101} direction="up" flashKey={3} />)
    const price = screen.getByText('$101.00')
    expect(price).not.toHaveAttribute('data-flash')

    rerender(<Price value={99} direction="down" flashKey={4} />)
    expect(screen.getByText('$99.00')).toBe(price)
    expect(price).toHaveAttribute('data-flash', 'down')

    // A re-render for something else (staleness) keeps the flash going.
    rerender(<Price value={99} direction="down" flashKey={4} stale />)
    expect(price).toHaveAttribute('data-flash', 'down')
    expect(price).toHaveAttribute('title', 'Price may be out of date')

    vi.advanceTimersByTime(FLASH_MS)
    expect(price).not.toHaveAttribute('data-flash')
  })
})
