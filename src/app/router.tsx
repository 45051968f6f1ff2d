import { createBrowserRouter } from 'react-router'
import { routes } from './routes'

/**
 * React Router keys the history entry a document loads into "default", whatever its URL, and
 * ScrollRestoration saves scroll positions by key: a page loaded from the address bar, a
 * bookmark or a redirect (Google's sign-in) opened at the position the last such page was left
 * at, clamped to the height of its loading skeleton. Each load gets a key of its own instead,
 * so it starts at the top. A reload starts at the top too: the position could only be restored
 * onto the skeleton, before the data that gives the page its height has arrived. Back and
 * Forward between the app's pages keep their positions (their entries have keys already).
 */
export function keyLoadedEntry(history: History = window.history): void {
  const state: unknown = history.state
  // as React Router makes its own keys (crypto.randomUUID needs a secure context)
  const key = Math.random().toString(36).slice(2, 10)
  history.replaceState({ ...(state && typeof state === 'object' ? state : {}), key }, '')
}

keyLoadedEntry()

export const router = createBrowserRouter(routes)
