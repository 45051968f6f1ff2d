import { useLayoutEffect, useRef } from 'react'
import { render, waitFor } from '@testing-library/react'
import type { RowWindow, useRowWindow as UseRowWindow } from './use-row-window'

// The hook remembers the last row height and the loading list's place for the next mount: each
// test starts from a fresh copy of the module, as a page load does.
let useRowWindow: typeof UseRowWindow
beforeEach(async () => {
  vi.resetModules()
  ;({ useRowWindow } = await import('./use-row-window'))
})

function Rows({ count, onRender }: { count: number; onRender: (shown: RowWindow) => void }) {
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const shown = useRowWindow(count, bodyRef)
  // What each commit showed (not the renders React discards for a state set while rendering).
  useLayoutEffect(() => {
    onRender(shown)
  })
  return (
    <table>
      <tbody ref={bodyRef}>
        {Array.from({ length: shown.end - shown.start }, (_, i) => (
          <tr key={i} data-row="">
            <td />
          </tr>
        ))}
      </tbody>
    </table>
  )
}

describe('useRowWindow', () => {
  afterEach(() => vi.restoreAllMocks())

  it('starts a remounted table at the last measured row height, so Back can scroll that far', async () => {
    // jsdom lays nothing out: rows 40 px tall, the table at the top of the page.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: HTMLElement,
    ) {
      return new DOMRect(0, 0, 100, this.matches('tr') ? 40 : 0)
    })
    const first: RowWindow[] = []
    const { unmount } = render(<Rows count={500} onRender={(shown) => first.push(shown)} />)
    expect(first[0].rowHeight).toBe(0)
    // A first table is measured in the next frame.
    await waitFor(() => expect(first.at(-1)!.rowHeight).toBe(40))
    unmount()

    const again: RowWindow[] = []
    render(<Rows count={500} onRender={(shown) => again.push(shown)} />)
    // The first render already reserves the height of all 500 rows.
    expect(again[0].rowHeight).toBe(40)
  })

  /** Lays the page out as a browser at this width would: rows this tall, the body this far down. */
  function layout({ wide, rowPx, bodyTop }: { wide: boolean; rowPx: number; bodyTop: number }) {
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(900)
    vi.spyOn(window, 'matchMedia').mockImplementation(
      (query) => ({ matches: wide && query.includes('min-width'), media: query }) as MediaQueryList,
    )
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: HTMLElement,
    ) {
      if (this.matches('tr')) return new DOMRect(0, bodyTop, 100, rowPx)
      return new DOMRect(0, this.matches('tbody') ? bodyTop : 0, 100, 0)
    })
  }

  it('first renders the rows that fit the window, so the measurement removes none or one', async () => {
    // One-line market rows are 45 px (a 44 px cell and a 1 px border); the table at the top.
    layout({ wide: true, rowPx: 45, bodyTop: 0 })
    const renders: RowWindow[] = []
    render(<Rows count={500} onRender={(shown) => renders.push(shown)} />)
    await waitFor(() => expect(renders.at(-1)!.rowHeight).toBe(45))
    const [first, measured] = [renders[0], renders.at(-1)!]
    expect(measured).toMatchObject({ start: 0, end: Math.ceil((900 + 300) / 45) })
    // No gap before the measurement: the window and its overscan are covered...
    expect(first.end).toBeGreaterThanOrEqual(measured.end)
    // ...and no rows mounted only to be unmounted by it.
    expect(first.end - measured.end).toBeLessThanOrEqual(1)
  })

  it('renders the rows that arrive after loading below where the loading rows were, at once', async () => {
    // A phone: two-line rows of 57 px, the list 350 px down, under the search.
    layout({ wide: false, rowPx: 57, bodyTop: 350 })
    const renders: RowWindow[] = []
    const { rerender } = render(<Rows count={0} onRender={(shown) => renders.push(shown)} />)
    // The loading body's place is read in the next frame.
    await new Promise((resolve) => requestAnimationFrame(resolve))
    const loading = renders.length
    rerender(<Rows count={500} onRender={(shown) => renders.push(shown)} />)
    await waitFor(() => expect(renders.at(-1)!.rowHeight).toBe(57))
    const [first, measured] = [renders[loading], renders.at(-1)!]
    expect(measured).toMatchObject({ start: 0, end: Math.ceil((900 - 350 + 300) / 57) })
    // The first commit with the list shows rows (no pass with none), enough for the screen...
    expect(first.end).toBeGreaterThan(0)
    expect(first.end).toBeGreaterThanOrEqual(measured.end)
    // ...and not the rows a page with the list at its top would need.
    expect(first.end - measured.end).toBeLessThanOrEqual(1)
  })
})
