/**
 * Makes the app's REST reads fail as a blocked request does in the browser (sign-in and Realtime
 * still work); `blocks` narrows it to some requests. Undo with the returned spy's mockRestore().
 */
export function blockRest(blocks: (url: string) => boolean = () => true) {
  const realFetch = globalThis.fetch
  return vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = input instanceof Request ? input.url : String(input)
    return url.includes('/rest/v1/') && blocks(url)
      ? Promise.reject(new TypeError('Failed to fetch'))
      : realFetch(input, init)
  })
}

/**
 * The alert around a page's "Could not load ..." heading, checked to say what to do in plain
 * words and never the raw error (what QueryError shows when a read fails).
 */
export function outageAlert(title: HTMLElement) {
  const alert = title.closest<HTMLElement>('[role="alert"]')!
  expect(alert).toHaveTextContent('Check your connection and try again.')
  expect(alert).not.toHaveTextContent(/TypeError|Failed to fetch/)
  return alert
}
