import type { StackOptions } from '../handler.ts'
import { badRequest } from './errors.ts'
import { authenticate } from './request.ts'

const SCOPES = ['global', 'local', 'others'] as const

/**
 * `POST /logout?scope=global|local|others` → 204. Like GoTrue, ending a session deletes it
 * and (by cascade) its refresh tokens, so access tokens naming it fail `session_not_found`.
 */
export async function logout(request: Request, opts: StackOptions): Promise<Response> {
  const scope = new URL(request.url).searchParams.get('scope') ?? 'global'
  if (!(SCOPES as readonly string[]).includes(scope)) {
    throw badRequest('validation_failed', `Unsupported logout scope "${scope}"`)
  }
  await opts.db.transaction(async (tx) => {
    const { user, sessionId } = await authenticate(tx, request, opts)
    if (scope === 'local' && sessionId) {
      await tx.query('delete from auth.sessions where id = $1', [sessionId])
    } else if (scope === 'others') {
      await tx.query('delete from auth.sessions where user_id = $1 and id <> $2', [
        user.id,
        sessionId ?? '00000000-0000-0000-0000-000000000000',
      ])
    } else {
      await tx.query('delete from auth.sessions where user_id = $1', [user.id])
      await tx.query('delete from auth.refresh_tokens where user_id = $1', [user.id])
    }
  })
  return new Response(null, { status: 204 })
}
