import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ANON_KEY } from '../config.ts'
import {
  memoryStorage,
  PREVIEW_URL,
  PUBLIC_URL,
  SITE_URL,
  startAuthKit,
  type AuthKit,
} from './test-kit.ts'

let kit: AuthKit

beforeAll(async () => {
  kit = await startAuthKit()
})
afterAll(() => kit.close())

interface HtmlForm {
  action: string
  fields: Record<string, string>
  button: string
}

/** The page's forms as a browser would submit them (hidden and prefilled inputs). */
function formsOf(html: string): HtmlForm[] {
  const decode = (value: string) =>
    value
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&')
  return [...html.matchAll(/<form\b[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)].map(
    ([, action, body]) => {
      const fields: Record<string, string> = {}
      for (const [, attributes] of body.matchAll(/<input\b([^>]*)>/g)) {
        const name = /name="([^"]*)"/.exec(attributes)?.[1]
        if (name) fields[name] = decode(/value="([^"]*)"/.exec(attributes)?.[1] ?? '')
      }
      const button = /<button\b[^>]*>([\s\S]*?)<\/button>/.exec(body)?.[1] ?? ''
      return {
        action,
        fields,
        button: decode(
          button
            .replace(/<[^>]+>/g, ' ')
            .replace(/\s+/g, ' ')
            .trim(),
        ),
      }
    },
  )
}

/** Opens the authorize URL like a browser and submits one of the picker's forms. */
async function pick(
  authorizeUrl: string,
  choose: (forms: HtmlForm[]) => { form: HtmlForm; values?: Record<string, string> },
): Promise<Response> {
  const page = await kit.fetch(authorizeUrl)
  expect(page.status).toBe(200)
  const { form, values } = choose(formsOf(await page.text()))
  return kit.fetch(new URL(form.action, authorizeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...form.fields, ...values }),
  })
}

const newAccount = (email: string, fullName: string) => (forms: HtmlForm[]) => ({
  form: forms.find((form) => 'email' in form.fields)!,
  values: { email, full_name: fullName },
})

async function startGoogleSignIn(redirectTo = `${SITE_URL}/auth/callback`) {
  const storage = memoryStorage()
  const supabase = kit.client(undefined, { storage })
  const { data, error } = await supabase.auth.signInWithOAuth({
    provider: 'google',
    options: { redirectTo, skipBrowserRedirect: true },
  })
  expect(error).toBeNull()
  return { supabase, storage, url: data.url! }
}

function codeFrom(response: Response): string {
  expect(response.status).toBe(302)
  return new URL(response.headers.get('location')!).searchParams.get('code')!
}

describe('Google sign-in through the local account picker (PKCE)', () => {
  it('serves an accessible, clearly local picker page', async () => {
    const { url } = await startGoogleSignIn()
    expect(new URL(url).searchParams.get('code_challenge_method')).toBe('s256')
    const page = await kit.fetch(url)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(page.headers.get('content-security-policy')).toContain(`form-action 'self'`)
    const html = await page.text()
    expect(html).toContain('<title>Sign in with Google (local)</title>')
    expect(html).toMatch(/stand-in for Google/)
    expect(html).toMatch(/<label for="email">Email<\/label>/)
    expect(html).toMatch(/<label for="full_name">Full name<\/label>/)
    expect(html).toMatch(/<button class="primary" type="submit">Continue<\/button>/)
    expect(html).toContain('prefers-color-scheme: dark')
    expect(html).not.toContain('<script')
  })

  it('completes the full flow: pick → 302 ?code= → exchangeCodeForSession', async () => {
    const { supabase, url } = await startGoogleSignIn()
    const response = await pick(url, newAccount('Grace@Example.com', 'Grace Hopper'))
    const location = response.headers.get('location')!
    expect(location.startsWith(`${SITE_URL}/auth/callback?code=`)).toBe(true)

    const { data, error } = await supabase.auth.exchangeCodeForSession(codeFrom(response))
    expect(error).toBeNull()
    expect(data.user).toMatchObject({
      email: 'grace@example.com',
      app_metadata: { provider: 'google', providers: ['google'] },
      user_metadata: {
        iss: 'https://accounts.google.com',
        email: 'grace@example.com',
        email_verified: true,
        full_name: 'Grace Hopper',
        name: 'Grace Hopper',
        avatar_url: expect.stringMatching(/^data:image\/svg\+xml;base64,/),
        sub: expect.stringMatching(/^\d{21}$/),
        provider_id: expect.stringMatching(/^\d{21}$/),
      },
      identities: [expect.objectContaining({ provider: 'google' })],
    })
    expect(decodeJwt(data.session!.access_token).amr).toEqual([
      { method: 'oauth', timestamp: expect.any(Number) },
    ])
    const { rows } = await kit.db.query<{ display_name: string; avatar_url: string }>(
      'select display_name, avatar_url from public.profiles where id = $1',
      [data.user!.id],
    )
    expect(rows[0]).toMatchObject({ display_name: 'Grace Hopper' })
    expect(await kit.db.query('select 1 from auth.flow_state')).toMatchObject({ rows: [] })
  })

  it('lists the account next time and signs the same user in from its button', async () => {
    const { supabase, url } = await startGoogleSignIn()
    const before = await kit.counts()
    const response = await pick(url, (forms) => ({
      form: forms.find((form) => form.button.includes('grace@example.com'))!,
    }))
    const { data } = await supabase.auth.exchangeCodeForSession(codeFrom(response))
    expect(data.user?.email).toBe('grace@example.com')
    const after = await kit.counts()
    expect(after.users).toBe(before.users)
    expect(after.identities).toBe(before.identities)
  })

  it('links Google to an existing e-mail user with the same address', async () => {
    const signUp = await kit.client().auth.signUp({ email: 'ada@example.com', password: 'secret1' })
    const { supabase, url } = await startGoogleSignIn()
    const response = await pick(url, newAccount('ada@example.com', 'Ada Lovelace'))
    const { data } = await supabase.auth.exchangeCodeForSession(codeFrom(response))
    expect(data.user?.id).toBe(signUp.data.user!.id)
    expect(data.user?.app_metadata.providers).toEqual(['email', 'google'])
  })

  it('refuses a wrong code verifier with 400 bad_code_verifier, keeping the code', async () => {
    const { url } = await startGoogleSignIn()
    const code = codeFrom(await pick(url, newAccount('mallory@example.com', 'Mallory')))
    const thief = await startGoogleSignIn()
    const before = await kit.counts()
    const { error } = await thief.supabase.auth.exchangeCodeForSession(code)
    expect(error).toMatchObject({ status: 400, code: 'bad_code_verifier' })
    expect(await kit.counts()).toEqual(before)
  })

  it('refuses an expired code with 422 flow_state_expired', async () => {
    const { supabase, url } = await startGoogleSignIn()
    const code = codeFrom(await pick(url, newAccount('late@example.com', 'Late Comer')))
    await kit.db.query(
      `update auth.flow_state set created_at = now() - interval '6 minutes',
         auth_code_issued_at = now() - interval '6 minutes' where auth_code = $1`,
      [code],
    )
    const before = await kit.counts()
    const { error } = await supabase.auth.exchangeCodeForSession(code)
    expect(error).toMatchObject({ status: 422, code: 'flow_state_expired' })
    expect(await kit.counts()).toEqual(before)
  })

  it('makes a code single-use: a second exchange, even with the right verifier, is 404', async () => {
    const { supabase, storage, url } = await startGoogleSignIn()
    const [verifierKey, verifier] = [...storage.items].find(([key]) =>
      key.endsWith('-code-verifier'),
    )!
    const code = codeFrom(await pick(url, newAccount('once@example.com', 'Only Once')))
    expect((await supabase.auth.exchangeCodeForSession(code)).error).toBeNull()

    const before = await kit.counts()
    storage.setItem(verifierKey, verifier)
    const again = await supabase.auth.exchangeCodeForSession(code)
    expect(again.error).toMatchObject({ status: 404, code: 'flow_state_not_found' })
    expect(await kit.counts()).toEqual(before)
  })

  it('answers empty fields with 400 validation_failed and unknown codes with 404', async () => {
    const token = (body: unknown) =>
      kit.fetch(`${PUBLIC_URL}/auth/v1/token?grant_type=pkce`, {
        method: 'POST',
        headers: {
          apikey: ANON_KEY,
          'content-type': 'application/json',
          'x-supabase-api-version': '2024-01-01',
        },
        body: JSON.stringify(body),
      })
    const empty = await token({ auth_code: '', code_verifier: '' })
    expect(empty.status).toBe(400)
    expect(await empty.json()).toMatchObject({ code: 'validation_failed' })
    const unknown = await token({ auth_code: crypto.randomUUID(), code_verifier: 'x'.repeat(43) })
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ code: 'flow_state_not_found' })
  })
})

describe('redirects', () => {
  it('never honours a foreign redirect_to: it falls back to the site URL', async () => {
    const { url } = await startGoogleSignIn('https://evil.example/steal')
    const page = await (await kit.fetch(url)).text()
    expect(page).not.toContain('evil.example')
    const response = await pick(url, newAccount('victim@example.com', 'Victim'))
    const location = new URL(response.headers.get('location')!)
    expect(location.origin).toBe(SITE_URL)
    expect(location.searchParams.get('code')).toBeTruthy()
  })

  it('never redirects to a non-http URL, even one naming an allowed host', async () => {
    for (const target of ['javascript:alert(1)//127.0.0.1:5173', 'data:text/html,hi']) {
      const { url } = await startGoogleSignIn(target)
      const response = await pick(url, newAccount('careful@example.com', 'Careful'))
      expect(new URL(response.headers.get('location')!).origin).toBe(SITE_URL)
    }
  })

  it('honours another allowed origin (vite preview)', async () => {
    const { url } = await startGoogleSignIn(`${PREVIEW_URL}/welcome`)
    const response = await pick(url, newAccount('preview@example.com', 'Preview User'))
    expect(response.headers.get('location')).toMatch(new RegExp(`^${PREVIEW_URL}/welcome\\?code=`))
  })

  it('without a code challenge (implicit flow) puts the session in the fragment', async () => {
    const url = `${PUBLIC_URL}/auth/v1/authorize?provider=google&redirect_to=${encodeURIComponent(SITE_URL)}`
    const response = await pick(url, newAccount('implicit@example.com', 'Imp Licit'))
    const location = new URL(response.headers.get('location')!)
    expect(location.search).toBe('')
    const fragment = new URLSearchParams(location.hash.slice(1))
    expect(fragment.get('token_type')).toBe('bearer')
    const { data } = await kit.client().auth.getUser(fragment.get('access_token')!)
    expect(data.user?.email).toBe('implicit@example.com')
  })

  it('sends cancel and bad state back as error parameters, and rejects unknown providers', async () => {
    const { url } = await startGoogleSignIn()
    const cancelled = await pick(url, (forms) => ({
      form: forms.find((f) => 'cancel' in f.fields)!,
    }))
    const back = new URL(cancelled.headers.get('location')!)
    expect(back.origin).toBe(SITE_URL)
    expect(back.searchParams.get('error')).toBe('access_denied')

    const forged = await pick(url, (forms) => ({
      form: forms.find((form) => 'email' in form.fields)!,
      values: { state: 'forged', email: 'x@example.com', full_name: 'X' },
    }))
    const error = new URL(forged.headers.get('location')!)
    expect(error.searchParams.get('error_code')).toBe('bad_oauth_state')

    const github = await kit.fetch(`${PUBLIC_URL}/auth/v1/authorize?provider=github`, {
      headers: { 'x-supabase-api-version': '2024-01-01' },
    })
    expect(github.status).toBe(400)
    expect(await github.json()).toMatchObject({ code: 'validation_failed' })
  })

  it('re-renders the picker with an alert for an invalid e-mail, creating nobody', async () => {
    const { url } = await startGoogleSignIn()
    const before = await kit.counts()
    const response = await pick(url, newAccount('not-an-email', '<b>Eve</b>'))
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toMatch(/role="alert"/)
    expect(html).toContain('&lt;b&gt;Eve&lt;/b&gt;')
    expect(await kit.counts()).toEqual(before)
  })
})

describe('linking Google to a signed-in account (linkIdentity)', () => {
  async function guestLinking(redirectTo = `${SITE_URL}/account`) {
    const supabase = kit.client(undefined, { storage: memoryStorage() })
    const guest = await supabase.auth.signInAnonymously()
    expect(guest.error).toBeNull()
    const { data, error } = await supabase.auth.linkIdentity({
      provider: 'google',
      options: { redirectTo, skipBrowserRedirect: true },
    })
    expect(error).toBeNull()
    return { supabase, userId: guest.data.user!.id, url: data.url! }
  }

  function errorFrom(response: Response) {
    expect(response.status).toBe(302)
    const back = new URL(response.headers.get('location')!)
    return {
      origin: back.origin,
      error: back.searchParams.get('error'),
      code: back.searchParams.get('error_code'),
      description: back.searchParams.get('error_description'),
    }
  }

  it('turns a guest into a Google user with the same id, so everything they own stays', async () => {
    const { supabase, userId, url } = await guestLinking()
    const html = await (await kit.fetch(url)).text()
    expect(html).toContain('linked to the account you are signed in with')

    const response = await pick(url, newAccount('Linked.Guest@Example.com', 'Ada Lovelace'))
    expect(response.headers.get('location')!.startsWith(`${SITE_URL}/account?code=`)).toBe(true)
    const { data, error } = await supabase.auth.exchangeCodeForSession(codeFrom(response))
    expect(error).toBeNull()
    expect(data.user).toMatchObject({
      id: userId,
      email: 'linked.guest@example.com',
      is_anonymous: false,
      app_metadata: { providers: ['google'] },
      // GoTrue's User.Confirm marks the e-mail verified in the metadata too.
      user_metadata: { email_verified: true },
    })
    expect(data.user!.identities!.map((identity) => identity.provider)).toEqual(['google'])
    expect(decodeJwt(data.session!.access_token)).toMatchObject({
      sub: userId,
      is_anonymous: false,
    })
    const profiles = await kit.db.query('select id from public.profiles where id = $1', [userId])
    expect(profiles.rows).toHaveLength(1)

    // Signing in with that Google account later is the same user.
    const again = await startGoogleSignIn()
    const next = await pick(again.url, (forms) => ({
      form: forms.find((form) => form.button.includes('linked.guest@example.com'))!,
    }))
    const signedIn = await again.supabase.auth.exchangeCodeForSession(codeFrom(next))
    expect(signedIn.data.user?.id).toBe(userId)
  })

  it('refuses a Google account linked to someone else, or an e-mail another user has, changing nothing', async () => {
    const owner = await startGoogleSignIn()
    await owner.supabase.auth.exchangeCodeForSession(
      codeFrom(await pick(owner.url, newAccount('taken@example.com', 'Taken'))),
    )
    const password = await kit.client().auth.signUp({
      email: 'password-user@example.com',
      password: 'correct horse battery',
    })
    expect(password.error).toBeNull()

    const { supabase, userId, url } = await guestLinking()
    const before = await kit.counts()
    const linked = errorFrom(await pick(url, newAccount('taken@example.com', 'Mallory')))
    expect(linked).toMatchObject({
      origin: SITE_URL,
      // GoTrue's oauthErrorMap has no 422: server_error.
      error: 'server_error',
      code: 'identity_already_exists',
      description: 'Identity is already linked to another user',
    })
    const emailTaken = errorFrom(await pick(url, newAccount('password-user@example.com', 'M')))
    expect(emailTaken).toMatchObject({ error: 'invalid_request', code: 'email_exists' })
    expect(await kit.counts()).toEqual(before)
    const { data } = await supabase.auth.getUser()
    expect(data.user).toMatchObject({ id: userId, is_anonymous: true, email: '' })
    expect(data.user!.identities ?? []).toEqual([])
  })

  it("says when the Google account is already the caller's own", async () => {
    const { supabase, url } = await guestLinking()
    const first = await pick(url, newAccount('twice@example.com', 'Twice'))
    await supabase.auth.exchangeCodeForSession(codeFrom(first))
    const again = await supabase.auth.linkIdentity({
      provider: 'google',
      options: { redirectTo: `${SITE_URL}/account`, skipBrowserRedirect: true },
    })
    const before = await kit.counts()
    const refused = errorFrom(await pick(again.data.url!, newAccount('twice@example.com', 'Twice')))
    expect(refused).toMatchObject({
      code: 'identity_already_exists',
      description: 'Identity is already linked',
    })
    expect(await kit.counts()).toEqual(before)
  })

  it('is 404 manual_linking_disabled when manual linking is off, as on a default hosted project', async () => {
    const { supabase } = await guestLinking()
    kit.opts.manualLinking = false
    try {
      const { error } = await supabase.auth.linkIdentity({
        provider: 'google',
        options: { skipBrowserRedirect: true },
      })
      expect(error).toMatchObject({ status: 404, code: 'manual_linking_disabled' })
    } finally {
      delete kit.opts.manualLinking
    }
  })

  it('needs a signed-in caller and a known provider', async () => {
    const anonymous = await kit.client().auth.linkIdentity({
      provider: 'google',
      options: { skipBrowserRedirect: true },
    })
    // Without a session auth-js sends the anon key, a JWT with no user in it.
    expect(anonymous.error).toMatchObject({ status: 403, code: 'bad_jwt' })

    const { supabase } = await guestLinking()
    const github = await supabase.auth.linkIdentity({
      provider: 'github',
      options: { skipBrowserRedirect: true },
    })
    expect(github.error).toMatchObject({ status: 400, code: 'validation_failed' })
    const forged = await kit.fetch(`${PUBLIC_URL}/auth/v1/picker?state=forged`)
    expect(forged.status).toBe(400)
  })
})
