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
 * The shortest a market row is: one line from the sm breakpoint (24 px of live box, 20 px of
 * padding), two on phones, where the company name goes under the symbol. Before the first
 * measurement the table renders the rows that fit below its top at this height: no gap on the
 * first paint, and few rows or none that the measurement then unmounts.
 */
function shortestRowPx(): number {
  return window.matchMedia('(min-width: 40rem)').matches ? 44 : 56
}

/** The rows that fill the window below `top` (the table's, where it is known) and its overscan. */
function initialRows(count: number, top = 0): number {
  const below = window.innerHeight - Math.max(0, top) + OVERSCAN_PX
  return Math.min(count, Math.ceil(below / shortestRowPx()))
}

/**
 * The last row height measured, for the next mount. Back from a stock remounts the table and
 * ScrollRestoration scrolls before the rows are measured: with unmeasured (zero-height) spacers the
 * page would be only the initial rows tall and the restored position cut short.
 */
let lastRowHeight = 0

/** Where the table's body started while it showed its loading rows: the first rows go below it. */
let loadingTop = 0

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
  const [range, setRange] = useState<RowWindow>(() => ({
    start: 0,
    end: initialRows(count),
    rowHeight: lastRowHeight,
  }))
  const [rowsFor, setRowsFor] = useState(count)
  if (count !== rowsFor) {
    setRowsFor(count)
    // The list arrived (there were no rows), or changed before the first measurement: this
    // render already shows the first screenful, rather than a pass the effect then corrects.
    if (range.end === 0 || range.rowHeight === 0) {
      setRange({ start: 0, end: initialRows(count, loadingTop), rowHeight: range.rowHeight })
    }
  }

  useEffect(() => {
    const body = bodyRef.current
    if (!body) return
    let frame = 0
    if (count === 0) {
      // Loading (or nothing matches): note where the body starts, in a frame that lays the page
      // out anyway, so the rows that arrive fill the screen below it and no more.
      frame = requestAnimationFrame(() => {
        frame = 0
        loadingTop = body.getBoundingClientRect().top
      })
      return () => cancelAnimationFrame(frame)
    }
    const measure = () => {
      frame = 0
      const row = body.querySelector<HTMLTableRowElement>('tr[data-row]')
      if (!row) {
        // Nothing to measure yet: render the first rows, then measure them.
        const end = initialRows(count, loadingTop)
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
    // A table measured before (back to the market) measures now, before the first paint, so
    // the restored scroll position finds its rows. A first one waits for the frame: the browser
    // lays the rows out there anyway, where measuring here would force that layout into this
    // task, the one that rendered them (on a slow phone, the longest of the page's load).
    if (lastRowHeight) measure()
    else schedule()
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
