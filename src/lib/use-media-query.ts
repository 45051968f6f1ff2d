import { useCallback, useSyncExternalStore } from 'react'

/**
 * Whether a CSS media query matches now, following changes (a rotated phone, a resized
 * window). Without matchMedia (jsdom) nothing matches.
 */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof matchMedia !== 'function') return () => {}
      const list = matchMedia(query)
      list.addEventListener('change', onChange)
      return () => list.removeEventListener('change', onChange)
    },
    [query],
  )
  return useSyncExternalStore(subscribe, () =>
    typeof matchMedia === 'function' ? matchMedia(query).matches : false,
  )
}
