import { useCallback, useMemo, useSyncExternalStore } from 'react'

/** Tailwind's `lg:` breakpoint (64rem), for layouts that must differ in markup, not only style. */
export const LG_UP = '(min-width: 64rem)'

/**
 * Whether a CSS media query matches now, following changes (a rotated phone, a resized
 * window). Without matchMedia (jsdom) nothing matches.
 */
export function useMediaQuery(query: string): boolean {
  const list = useMemo(() => (typeof matchMedia === 'function' ? matchMedia(query) : null), [query])
  const subscribe = useCallback(
    (onChange: () => void) => {
      list?.addEventListener('change', onChange)
      return () => list?.removeEventListener('change', onChange)
    },
    [list],
  )
  return useSyncExternalStore(subscribe, () => list?.matches ?? false)
}
