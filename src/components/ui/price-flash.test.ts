import { FLASH_MS } from './price-flash'

// The module keeps its timer and reduced-motion query between calls: a fresh copy per test.
async function load() {
  vi.resetModules()
  return import('./price-flash')
}

function span() {
  return document.createElement('span')
}

describe('flashPrice', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('tints for FLASH_MS in the direction of the move, then removes the tint', async () => {
    const { flashPrice } = await load()
    const up = span()
    const down = span()
    flashPrice(up, 'up')
    flashPrice(down, 'down')
    expect(up).toHaveAttribute('data-flash', 'up')
    expect(down).toHaveAttribute('data-flash', 'down')
    vi.advanceTimersByTime(FLASH_MS - 1)
    expect(up).toHaveAttribute('data-flash', 'up')
    vi.advanceTimersByTime(1)
    expect(up).not.toHaveAttribute('data-flash')
    expect(down).not.toHaveAttribute('data-flash')
  })

  it('restarts a flash that is still on, in the new direction, and ends it one period later', async () => {
    const { flashPrice } = await load()
    const price = span()
    flashPrice(price, 'up')
    vi.advanceTimersByTime(400)
    flashPrice(price, 'down')
    expect(price).toHaveAttribute('data-flash', 'down')
    vi.advanceTimersByTime(200)
    // The first timer fired, but this flash has 400 ms to go.
    expect(price).toHaveAttribute('data-flash', 'down')
    vi.advanceTimersByTime(400)
    expect(price).not.toHaveAttribute('data-flash')
    expect(vi.getTimerCount()).toBe(0)
  })

  it('ends the flashes of one tick with a single timer', async () => {
    const { flashPrice } = await load()
    const prices = Array.from({ length: 50 }, span)
    for (const price of prices) flashPrice(price, 'up')
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(FLASH_MS)
    expect(prices.filter((p) => p.hasAttribute('data-flash'))).toHaveLength(0)
  })

  it('does nothing for an unchanged price or when the user prefers reduced motion', async () => {
    const first = await load()
    const flat = span()
    first.flashPrice(flat, 'flat')
    expect(flat).not.toHaveAttribute('data-flash')

    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === '(prefers-reduced-motion: reduce)',
    }))
    const { flashPrice } = await load()
    const price = span()
    flashPrice(price, 'up')
    expect(price).not.toHaveAttribute('data-flash')
    expect(vi.getTimerCount()).toBe(0)
  })
})
