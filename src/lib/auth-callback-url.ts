/**
 * Where Google sends the browser back to: /auth/callback, which completes the PKCE flow and goes
 * on to `next` (a same-site path). `linking` marks a guest linking Google (account page) rather
 * than a sign-in, which the callback page says and handles differently.
 */
export function authCallbackUrl(next: string, { linking = false } = {}): string {
  const params = new URLSearchParams({ next })
  if (linking) params.set('linked', 'google')
  return `${window.location.origin}/auth/callback?${params}`
}

export function isLinkingCallback(params: URLSearchParams): boolean {
  return params.get('linked') === 'google'
}
