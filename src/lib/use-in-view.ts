import { useEffect, useState } from 'react'
import type { RefObject } from 'react'

type Callback = (visible: boolean) => void
type Shared = { observer: IntersectionObserver; callbacks: WeakMap<Element, Callback> }

// One observer per root margin, shared by every element watched with it: hundreds of table
// rows share one.
const observers = new Map<string, Shared>()

function sharedObserver(rootMargin: string): Shared {
  let shared = observers.get(rootMargin)
  if (!shared) {
    const callbacks = new WeakMap<Element, Callback>()
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) callbacks.get(entry.target)?.(entry.isIntersecting)
      },
      { rootMargin },
    )
    shared = { observer, callbacks }
    observers.set(rootMargin, shared)
  }
  return shared
}

/**
 * Whether the element is on the screen, grown (or shrunk) by `rootMargin`: by default it
 * counts as visible from 200px away. Without IntersectionObserver (jsdom, old browsers)
 * everything counts as visible.
 */
export function useInView(
  ref: RefObject<Element | null>,
  { rootMargin = '200px 0px' }: { rootMargin?: string } = {},
): boolean {
  const supported = typeof IntersectionObserver !== 'undefined'
  const [visible, setVisible] = useState(true)
  useEffect(() => {
    const node = ref.current
    if (!node || !supported) return
    const { observer, callbacks } = sharedObserver(rootMargin)
    callbacks.set(node, setVisible)
    observer.observe(node)
    return () => {
      observer.unobserve(node)
      callbacks.delete(node)
    }
  }, [ref, rootMargin, supported])
  return visible
}
