import { useEffect, useState } from 'react'
import type { RefObject } from 'react'

export type RowWindow = { start: number; end: number; rowHeight: number }

/**
 * Rows rendered beyond the viewport on each side, so a quick scroll does not show gaps. Each
 * rendered row adds to the fixed cost of every frame a tick paints (its live cells are
 * layers of their own), so no more than a scroll step or two.
 */
const OVERSCAN_PX = 300
/**
 * The shortest a market row is (one line, on a wide screen: 24 px of live box, 20 px of padding).
 * Before the first measurement the table renders the rows that fit the window and its overscan at
 * this height: no gap on the first paint, and few rows or none that the measurement then unmounts.
 */
const SHORTEST_ROW_PX = 44

function initialRows(count: number): number {
  return Math.min(count, Math.ceil((window.innerHeight + OVERSCAN_PX) / SHORTEST_ROW_PX))
}

/**
 * The last row height measured, for the next mount. Back from a stock remounts the table and
 * ScrollRestoration scrolls before the rows are measured: with unmeasured (zero-height) spacers the
 * page would be only the initial rows tall and the restored position cut short.
 */
let lastRowHeight = 0

/**
 * Which rows of a long table to render: only those on or near the screen, the rest replaced by
 * spacer rows of the same height. With 500 rows in the DOM every tick paid for style, paint,
 * hit testing, intersection checks and garbage collection over ~8,000 elements, whether on screen
 * or not. Rows must share one height (the market's do); where nothing can be measured (jsdom)
 * every row is rendered.
 */
export function useRowWindow(
  count: number,
  bodyRef: RefObject<HTMLTableSectionElement | null>,
): RowWindow {
  const [range, setRange] = useState<RowWindow>({
    start: 0,
    end: initialRows(count),
    rowHeight: lastRowHeight,
  })

  useEffect(() => {
    const body = bodyRef.current
    if (!body) return
    let frame = 0
    const measure = () => {
      frame = 0
      const row = body.querySelector<HTMLTableRowElement>('tr[data-row]')
      if (!row) {
        // Nothing to measure yet: render the first rows, then measure them.
        const end = initialRows(count)
        setRange((r) => (r.start === 0 && r.end === end ? r : { start: 0, end, rowHeight: 0 }))
        if (end > 0) frame = requestAnimationFrame(measure)
        return
      }
      const rowHeight = row.getBoundingClientRect().height
      if (rowHeight) lastRowHeight = rowHeight
      if (!rowHeight) {
        setRange((r) =>
          r.start === 0 && r.end === count ? r : { start: 0, end: count, rowHeight },
        )
        return
      }
      const top = body.getBoundingClientRect().top
      const start = Math.max(0, Math.floor((-top - OVERSCAN_PX) / rowHeight))
      const end = Math.min(count, Math.ceil((window.innerHeight - top + OVERSCAN_PX) / rowHeight))
      setRange((r) =>
        r.start === start && r.end === end && r.rowHeight === rowHeight
          ? r
          : { start, end: Math.max(start, end), rowHeight },
      )
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure)
    }
    // A printout has no viewport to follow: every row.
    const printAll = () => setRange((r) => ({ ...r, start: 0, end: count }))
    measure()
    window.addEventListener('scroll', schedule, { passive: true })
    window.addEventListener('resize', schedule)
    window.addEventListener('beforeprint', printAll)
    window.addEventListener('afterprint', schedule)
    return () => {
      window.removeEventListener('scroll', schedule)
      window.removeEventListener('resize', schedule)
      window.removeEventListener('beforeprint', printAll)
      window.removeEventListener('afterprint', schedule)
      if (frame) cancelAnimationFrame(frame)
    }
  }, [count, bodyRef])

  return range.end > count ? { ...range, end: count } : range
}
