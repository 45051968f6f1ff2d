import { useRef } from 'react'
import { render } from '@testing-library/react'
import { useRowWindow } from './use-row-window'
import type { RowWindow } from './use-row-window'

function Rows({ count, onRender }: { count: number; onRender: (shown: RowWindow) => void }) {
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const shown = useRowWindow(count, bodyRef)
  onRender(shown)
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

  it('starts a remounted table at the last measured row height, so Back can scroll that far', () => {
    // jsdom lays nothing out: rows 40 px tall, the table at the top of the page.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: HTMLElement,
    ) {
      return new DOMRect(0, 0, 100, this.matches('tr') ? 40 : 0)
    })
    const first: RowWindow[] = []
    const { unmount } = render(<Rows count={500} onRender={(shown) => first.push(shown)} />)
    expect(first[0].rowHeight).toBe(0)
    expect(first.at(-1)!.rowHeight).toBe(40)
    unmount()

    const again: RowWindow[] = []
    render(<Rows count={500} onRender={(shown) => again.push(shown)} />)
    // The first render already reserves the height of all 500 rows.
    expect(again[0].rowHeight).toBe(40)
  })

  it('first renders the rows that fit the window, so the measurement removes none or one', () => {
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(900)
    // One-line market rows are 45 px (a 44 px cell and a 1 px border); the table at the top.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: HTMLElement,
    ) {
      return new DOMRect(0, 0, 100, this.matches('tr') ? 45 : 0)
    })
    const renders: RowWindow[] = []
    render(<Rows count={500} onRender={(shown) => renders.push(shown)} />)
    const [first, measured] = [renders[0], renders.at(-1)!]
    expect(measured).toMatchObject({ start: 0, rowHeight: 45 })
    // No gap before the measurement: the window and its overscan are covered...
    expect(first.end).toBeGreaterThanOrEqual(measured.end)
    // ...and no rows mounted only to be unmounted by it.
    expect(first.end - measured.end).toBeLessThanOrEqual(1)
  })
})
