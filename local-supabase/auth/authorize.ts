import { randomUUID } from 'node:crypto'
import { json, type StackOptions } from '../handler.ts'
import { AuthError, badRequest, notFound } from './errors.ts'
import {
  findGoogleIdentity,
  linkGoogleIdentity,
  previousAccounts,
  signInWithGoogle,
} from './google-identity.ts'
import { signState, verifyState, type OAuthState } from './oauth-state.ts'
import { renderPicker, type PickerPage } from './picker-page.ts'
import { parsePkceParams } from './pkce.ts'
import { authenticate } from './request.ts'
import { redirectOrigins, resolveRedirect, withCode, withError, withTokens } from './redirect.ts'
import { issueSession } from './sessions.ts'
import { validateEmail } from './users.ts'

/**
 * `GET /authorize?provider=google&redirect_to=…&code_challenge=…`. Where GoTrue would
 * redirect to Google, the local stack serves its own account picker, carrying the flow in
 * a signed state exactly as GoTrue carries it through Google.
 */
export async function authorize(request: Request, opts: StackOptions): Promise<Response> {
  const { token, state } = await startFlow(request, opts, null)
  return pickerPage(opts, token, state)
}

/**
 * `GET /user/identities/authorize` (auth-js `linkIdentity`): the same flow for the signed-in
 * caller, whose account the chosen Google identity joins instead of signing in. GoTrue answers
 * with the provider's URL (JSON with `skip_http_redirect=true`, as auth-js asks, else a 302);
 * here that URL is the picker's, under the stack's public URL as GoTrue's external URL. With
 * manual linking off (hosted Supabase's default) it is 404 manual_linking_disabled.
 */
export async function linkIdentity(request: Request, opts: StackOptions): Promise<Response> {
  if (opts.manualLinking === false) {
    throw notFound('manual_linking_disabled', 'Manual linking is disabled')
  }
  const { user } = await authenticate(opts.db, request, opts)
  const { token } = await startFlow(request, opts, user.id)
  const url = `${opts.publicUrl}${PICKER_PATH}?state=${encodeURIComponent(token)}`
  if (new URL(request.url).searchParams.get('skip_http_redirect') === 'true') return json({ url })
  return redirect(url)
}

/** `GET /picker?state=…`: the account picker for a flow started by linkIdentity. */
export async function picker(request: Request, opts: StackOptions): Promise<Response> {
  const token = new URL(request.url).searchParams.get('state') ?? ''
  const state = await verifyState(token, opts.jwtSecret)
  if (!state) throw badRequest('bad_oauth_state', 'OAuth state is invalid')
  return pickerPage(opts, token, state)
}

const PICKER_PATH = '/auth/v1/picker'

/** GoTrue's oauthErrorMap: the `error` of a redirect by HTTP status (any other: server_error). */
const OAUTH_ERRORS: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized_client',
  403: 'access_denied',
  500: 'server_error',
  503: 'temporarily_unavailable',
}

async function startFlow(
  request: Request,
  opts: StackOptions,
  linkUserId: string | null,
): Promise<{ token: string; state: OAuthState }> {
  const query = new URL(request.url).searchParams
  const provider = query.get('provider') ?? ''
  if (provider !== 'google') {
    throw badRequest('validation_failed', 'Unsupported provider: provider is not enabled')
  }
  const pkce = parsePkceParams(query.get('code_challenge'), query.get('code_challenge_method'))
  const referrer = resolveRedirect(query.get('redirect_to'), request.headers.get('referer'), opts)
  const state: OAuthState = { provider, referrer, pkce, linkUserId }
  return { token: await signState(state, opts.jwtSecret), state }
}

async function pickerPage(opts: StackOptions, token: string, state: OAuthState): Promise<Response> {
  return page(opts, 200, {
    state: token,
    returnTo: new URL(state.referrer).origin,
    accounts: await previousAccounts(opts.db),
    linking: state.linkUserId !== null,
  })
}

function page(opts: StackOptions, status: number, content: PickerPage): Response {
  const formTargets = ["'self'", ...redirectOrigins(opts)].join(' ')
  return new Response(renderPicker(content), {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // Chrome applies form-action to the redirect after the POST, so the app origins too.
      'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action ${formTargets}; frame-ancestors 'none'; base-uri 'none'`,
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    },
  })
}

function redirect(location: string): Response {
  return new Response(null, { status: 302, headers: { location, 'cache-control': 'no-store' } })
}

/**
 * `POST /callback` (form): the picker's answer, standing in for Google's redirect back to
 * GoTrue's callback. Creates or reuses the Google user, then either stores a flow state and
 * sends `?code=` (PKCE) or issues a session into the fragment (implicit flow).
 */
export async function callback(request: Request, opts: StackOptions): Promise<Response> {
  const form = await readForm(request)
  const state = await verifyState(form.get('state') ?? '', opts.jwtSecret)
  if (!state) {
    return redirect(
      withError(
        opts.siteUrl,
        {
          error: 'invalid_request',
          code: 'bad_oauth_state',
          description: 'OAuth state is invalid',
        },
        true,
      ),
    )
  }
  const pkce = state.pkce !== null
  if (form.get('cancel')) {
    return redirect(
      withError(
        state.referrer,
        { error: 'access_denied', description: 'The user cancelled the sign-in' },
        pkce,
      ),
    )
  }

  const chosen = await chosenAccount(form, opts)
  if ('problem' in chosen) {
    const accounts = await previousAccounts(opts.db)
    return page(opts, 400, {
      state: form.get('state') ?? '',
      returnTo: new URL(state.referrer).origin,
      accounts,
      linking: state.linkUserId !== null,
      error: chosen.problem,
      email: form.get('email') ?? '',
      fullName: form.get('full_name') ?? '',
    })
  }
  return redirect(await completeSignIn(opts, state, chosen.email, chosen.fullName))
}

async function readForm(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get('content-type') ?? ''
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw badRequest('validation_failed', 'Expected a form submission')
  }
  return new URLSearchParams(await request.text())
}

async function chosenAccount(
  form: URLSearchParams,
  opts: StackOptions,
): Promise<{ email: string; fullName: string } | { problem: string }> {
  const providerId = form.get('provider_id')
  if (providerId) {
    const known = await findGoogleIdentity(opts.db, { providerId })
    return known
      ? { email: known.email, fullName: known.fullName }
      : { problem: 'That account is no longer available. Enter an email instead.' }
  }
  const fullName = (form.get('full_name') ?? '').trim()
  let email: string
  try {
    email = validateEmail(form.get('email') ?? '')
  } catch {
    return { problem: 'Enter a valid email address, like name@example.com.' }
  }
  if (!fullName) return { problem: 'Enter a full name.' }
  return { email, fullName }
}

async function completeSignIn(
  opts: StackOptions,
  state: OAuthState,
  email: string,
  fullName: string,
): Promise<string> {
  try {
    return await opts.db.transaction(async (tx) => {
      const userId = state.linkUserId
        ? await linkGoogleIdentity(tx, state.linkUserId, email, fullName)
        : await signInWithGoogle(tx, email, fullName)
      if (!state.pkce)
        return withTokens(state.referrer, await issueSession(tx, opts, userId, 'oauth'))
      const authCode = randomUUID()
      await tx.query(
        `insert into auth.flow_state (id, user_id, auth_code, code_challenge_method, code_challenge,
           provider_type, authentication_method, auth_code_issued_at, created_at, updated_at)
         values ($1, $2, $3, $4, $5, 'google', 'oauth', now(), now(), now())`,
        [randomUUID(), userId, authCode, state.pkce.method, state.pkce.challenge],
      )
      return withCode(state.referrer, authCode)
    })
  } catch (error) {
    // GoTrue's redirectErrors: a failure after the provider step goes back to the app.
    const known =
      error instanceof AuthError
        ? error
        : new AuthError(500, 'unexpected_failure', 'Database error saving new user')
    if (!(error instanceof AuthError)) console.error('[auth] Google sign-in failed:', error)
    return withError(
      state.referrer,
      {
        error: OAUTH_ERRORS[known.status] ?? 'server_error',
        code: known.code,
        description: known.message,
      },
      state.pkce !== null,
    )
  }
}
