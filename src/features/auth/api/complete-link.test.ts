import { startAppAgainstStack, type AppAgainstStack } from '@/test/app-against-stack'
import type * as CompleteLink from './complete-link'

let app: AppAgainstStack
// Imported once the stack is up: the module's client is built from the stack's URL.
let completeLink: typeof CompleteLink.completeLink

beforeAll(async () => {
  app = await startAppAgainstStack()
  ;({ completeLink } = await import('./complete-link'))
})

afterAll(async () => {
  await app?.stop()
})

/** Links Google to the signed-in guest through the local picker; returns the redirect's code. */
async function linkThroughPicker(email: string): Promise<string> {
  const started = await app.supabase.auth.linkIdentity({
    provider: 'google',
    options: { redirectTo: 'http://127.0.0.1:5173/account', skipBrowserRedirect: true },
  })
  expect(started.error).toBeNull()
  const state = new URL(started.data.url!).searchParams.get('state')!
  const back = await fetch(`${app.stack.url}/auth/v1/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ state, email, full_name: 'Lin Ked' }),
    redirect: 'manual',
  })
  return new URL(back.headers.get('location')!).searchParams.get('code')!
}

describe('completeLink against the local stack', () => {
  it('trades the code for a session of the same user, now signed in with Google', async () => {
    const userId = await app.signInAsGuest()
    const session = await completeLink(await linkThroughPicker('complete@example.com'))
    expect(session.user).toMatchObject({ id: userId, is_anonymous: false })
  })

  it('still reports the link when the code exchange fails, since the server made it', async () => {
    const userId = await app.signInAsGuest()
    await linkThroughPicker('exchange-failed@example.com')
    // A code that does not exchange (lost verifier, reused code...): the identity is linked all
    // the same, and a refreshed session of the same user says so.
    const session = await completeLink('00000000-0000-4000-8000-000000000000')
    expect(session.user.id).toBe(userId)
    expect(session.user.identities?.map(({ provider }) => provider)).toEqual(['google'])
  })

  it('rethrows the exchange error when nothing was linked', async () => {
    await app.signInAsGuest()
    await expect(completeLink('00000000-0000-4000-8000-000000000000')).rejects.toThrow()
  })
})
