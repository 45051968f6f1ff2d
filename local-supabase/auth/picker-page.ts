import type { PreviousAccount } from './google-identity.ts'

export const PICKER_TITLE = 'Sign in with Google (local)'

export interface PickerPage {
  state: string
  /** The app origin the browser returns to, shown so the developer knows where they go. */
  returnTo: string
  accounts: PreviousAccount[]
  /** Linking Google to the signed-in account (linkIdentity) rather than signing in. */
  linking?: boolean
  /** Re-rendered after a rejected submission: the message and what was typed. */
  error?: string
  email?: string
  fullName?: string
}

function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

const STYLE = `
:root { color-scheme: light dark; --bg: #f6f7f9; --card: #fff; --text: #1f2328; --muted: #59636e;
  --border: #d1d9e0; --accent: #1a73e8; --accent-text: #fff; --danger: #b42318; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --card: #161b22; --text: #e6edf3;
  --muted: #9198a1; --border: #3d444d; --accent: #8ab4f8; --accent-text: #0d1117; --danger: #ff8182; } }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; padding: 1rem;
  font: 16px/1.5 system-ui, sans-serif; background: var(--bg); color: var(--text); }
main { width: 100%; max-width: 26rem; background: var(--card); border: 1px solid var(--border);
  border-radius: 12px; padding: 1.5rem; }
h1 { font-size: 1.35rem; margin: 0 0 .5rem; }
h2 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
p { margin: 0 0 .75rem; color: var(--muted); }
.notice { border-left: 4px solid var(--accent); padding: .5rem .75rem; background: transparent; }
ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; }
label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
input { width: 100%; padding: .55rem .65rem; font: inherit; color: inherit; background: transparent;
  border: 1px solid var(--border); border-radius: 8px; }
button { font: inherit; cursor: pointer; border-radius: 8px; padding: .55rem 1rem; }
.account { width: 100%; text-align: left; background: transparent; color: inherit;
  border: 1px solid var(--border); }
.account span { display: block; color: var(--muted); font-size: .9rem; }
.primary { margin-top: 1rem; width: 100%; background: var(--accent); color: var(--accent-text);
  border: 1px solid var(--accent); font-weight: 600; }
.secondary { margin-top: .75rem; background: transparent; color: var(--muted); border: 0;
  text-decoration: underline; padding: .25rem 0; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.error { color: var(--danger); font-weight: 600; }
`

/** The local stand-in for Google's account chooser: plain HTML forms, no script. */
export function renderPicker(page: PickerPage): string {
  const state = `<input type="hidden" name="state" value="${escapeHtml(page.state)}">`
  const accounts = page.accounts.length
    ? `<section aria-labelledby="previous">
  <h2 id="previous">Choose an account</h2>
  <ul>${page.accounts
    .map(
      (account) => `
    <li><form method="post" action="callback">${state}
      <input type="hidden" name="provider_id" value="${escapeHtml(account.providerId)}">
      <button class="account" type="submit">${escapeHtml(account.fullName || account.email)}
        <span>${escapeHtml(account.email)}</span></button>
    </form></li>`,
    )
    .join('')}
  </ul>
</section>`
    : ''
  const error = page.error
    ? `<p id="form-error" class="error" role="alert">${escapeHtml(page.error)}</p>`
    : ''
  const describedBy = page.error ? ' aria-describedby="form-error" aria-invalid="true"' : ''
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex">
<title>${PICKER_TITLE}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${PICKER_TITLE}</h1>
<p class="notice">This is the local development stand-in for Google: no Google account is used
and nothing leaves this machine. You will return to <strong>${escapeHtml(page.returnTo)}</strong>.</p>
${page.linking ? '<p>The account you choose is linked to the account you are signed in with.</p>' : ''}
${accounts}
<section aria-labelledby="another">
  <h2 id="another">${page.accounts.length ? 'Use another account' : 'Enter an account'}</h2>
  ${error}
  <form method="post" action="callback">${state}
    <label for="email">Email</label>
    <input id="email" name="email" type="email" autocomplete="email" required
      value="${escapeHtml(page.email ?? '')}"${describedBy}>
    <label for="full_name">Full name</label>
    <input id="full_name" name="full_name" type="text" autocomplete="name" required
      value="${escapeHtml(page.fullName ?? '')}">
    <button class="primary" type="submit">Continue</button>
  </form>
  <form method="post" action="callback">${state}
    <input type="hidden" name="cancel" value="1">
    <button class="secondary" type="submit">Cancel and go back</button>
  </form>
</section>
</main>
</body>
</html>
`
}
