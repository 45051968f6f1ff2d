import { act, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useMediaQuery } from './use-media-query'

/** A matchMedia whose one query matches while `wide` is set, announcing changes. */
function fakeMatchMedia() {
  const listeners = new Set<() => void>()
  const state = { wide: false }
  const matchMedia = (query: string) => ({
    get matches() {
      return query === '(min-width: 64rem)' && state.wide
    },
    addEventListener: (_: 'change', listener: () => void) => listeners.add(listener),
    removeEventListener: (_: 'change', listener: () => void) => listeners.delete(listener),
  })
  const resize = (wide: boolean) => {
    state.wide = wide
    for (const listener of listeners) listener()
  }
  return { matchMedia, resize, listeners }
}

afterEach(() => vi.unstubAllGlobals())

describe('useMediaQuery', () => {
  it('follows the query as the window changes, and stops listening on unmount', () => {
    const fake = fakeMatchMedia()
    vi.stubGlobal('matchMedia', fake.matchMedia)
    const { result, unmount } = renderHook(() => useMediaQuery('(min-width: 64rem)'))
    expect(result.current).toBe(false)
    act(() => fake.resize(true))
    expect(result.current).toBe(true)
    act(() => fake.resize(false))
    expect(result.current).toBe(false)
    unmount()
    expect(fake.listeners.size).toBe(0)
  })

  it('matches nothing where there is no matchMedia', () => {
    vi.stubGlobal('matchMedia', undefined)
    const { result } = renderHook(() => useMediaQuery('(min-width: 64rem)'))
    expect(result.current).toBe(false)
  })
})
