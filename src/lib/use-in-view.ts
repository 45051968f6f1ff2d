import { useEffect, useState } from 'react'
import type { RefObject } from 'react'

type Callback = (visible: boolean) => void

// One observer for every watched element: hundreds of table rows share it.
let observer: IntersectionObserver | null = null
const callbacks = new WeakMap<Element, Callback>()

function sharedObserver() {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) callbacks.get(entry.target)?.(entry.isIntersecting)
    },
    { rootMargin: '200px 0px' },
  )
  return observer
}

/**
 * Whether the element is on (or near) the screen. Without IntersectionObserver (jsdom, old
 * browsers) everything counts as visible.
 */
export function useInView(ref: RefObject<Element | null>): boolean {
  const supported = typeof IntersectionObserver !== 'undefined'
  const [visible, setVisible] = useState(true)
  useEffect(() => {
    const node = ref.current
    if (!node || !supported) return
    const io = sharedObserver()
    callbacks.set(node, setVisible)
    io.observe(node)
    return () => {
      io.unobserve(node)
      callbacks.delete(node)
    }
  }, [ref, supported])
  return visible
}
