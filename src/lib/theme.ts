import { useSyncExternalStore } from 'react'

export type Theme = 'light' | 'dark'

/** Also read by the inline script in index.html before first paint. */
export const THEME_STORAGE_KEY = 'stocktrade-theme'

const listeners = new Set<() => void>()

function current(): Theme {
  return document.documentElement.classList.contains('dark') ? 'dark' : 'light'
}

/** The page background (--bg) of each theme: the mobile browser's bar is drawn in it. */
export const THEME_COLORS: Record<Theme, string> = { light: '#ffffff', dark: '#0b1220' }

/**
 * Points <meta name="theme-color"> at the active theme. index.html has one per system scheme
 * (media queries) for the first paint; a saved choice that differs from the system's overrides
 * both, so they all get the active theme's colour.
 */
export function syncThemeColor(theme: Theme = current()) {
  document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]').forEach((meta) => {
    meta.content = THEME_COLORS[theme]
  })
}

function apply(theme: Theme) {
  document.documentElement.classList.toggle('dark', theme === 'dark')
  syncThemeColor(theme)
  for (const listener of listeners) listener()
}

/** Whether the user picked a theme (the toggle saves it); index.html reads the same key. */
function hasSavedTheme(): boolean {
  try {
    return localStorage.getItem(THEME_STORAGE_KEY) !== null
  } catch {
    return false
  }
}

export function setTheme(theme: Theme) {
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme)
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  apply(theme)
}

/**
 * Until the user picks a theme the page has the system's, as index.html applied it before the
 * first paint, and keeps following it while open: a system that turns dark at sunset turns the
 * page dark too. Returns a function that stops following.
 */
export function followSystemTheme(): () => void {
  const query = window.matchMedia('(prefers-color-scheme: dark)')
  const onChange = (event: MediaQueryListEvent) => {
    if (!hasSavedTheme()) apply(event.matches ? 'dark' : 'light')
  }
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

export function useTheme(): Theme {
  return useSyncExternalStore((listener) => {
    listeners.add(listener)
    return () => void listeners.delete(listener)
  }, current)
}
