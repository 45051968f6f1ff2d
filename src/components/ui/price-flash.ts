import type { Direction } from '@/lib/format'

/** How long a price keeps its up/down tint after a tick. */
export const FLASH_MS = 600

/** Flashing elements and when their tint ends (Date.now() time). */
const flashing = new Map<Element, number>()
let timer: ReturnType<typeof setTimeout> | null = null

/**
 * Tints an element for FLASH_MS by setting `data-flash="up"|"down"` (styled in index.css): two
 * style changes per flash (on, off), where a CSS animation costs the main thread a frame for
 * every 16 ms it runs, plus animation events that React listens for. One timer ends every flash
 * of a tick in one batch, so a tick costs one extra frame in all, however many prices moved.
 * An attribute rather than a class: React rewrites `className` when the element re-renders
 * (e.g. a price turning stale), and would drop a flash under way; it leaves this alone.
 */
export function flashPrice(element: Element, direction: Direction) {
  if (direction === 'flat' || prefersReducedMotion()) return
  element.setAttribute('data-flash', direction)
  flashing.set(element, Date.now() + FLASH_MS)
  timer ??= setTimeout(endFlashes, FLASH_MS)
}

/** Flashes ending this close together are ended in one go (one frame instead of several). */
const BATCH_MS = 50

function endFlashes() {
  timer = null
  const now = Date.now()
  let next = Infinity
  for (const [element, until] of flashing) {
    if (until <= now + BATCH_MS) {
      element.removeAttribute('data-flash')
      flashing.delete(element)
    } else {
      next = Math.min(next, until)
    }
  }
  if (next !== Infinity) timer = setTimeout(endFlashes, next - now)
}

let reducedMotion: MediaQueryList | null | undefined

function prefersReducedMotion(): boolean {
  reducedMotion ??=
    typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null
  return reducedMotion?.matches ?? false
}
