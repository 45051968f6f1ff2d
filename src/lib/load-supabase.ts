import type { SupabaseClient } from '@supabase/supabase-js'
import type { Database } from './database.types'

let loading: Promise<SupabaseClient<Database>> | undefined

/** After the next frame has painted; a hidden tab runs no frames, so a timer stands in there. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 500)
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback)
        resolve()
      }),
    )
  })
}

/** Ends the current task, so the browser can paint or handle input before the caller goes on. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * The app's one supabase-js client (src/lib/supabase.ts), fetched as its own chunk once the page
 * has painted. Code that runs for the landing page uses this instead of importing the client,
 * so supabase-js (auth, PostgREST, Realtime: ~45 KB gzip) neither delays nor competes with the
 * first paint; lazy routes load later anyway and import `supabase` directly. A failed load is
 * retried on the next call. Each caller continues in a task of its own: the client's first users
 * (session, market queries, Realtime) would otherwise run as one long task.
 */
export async function loadSupabase(): Promise<SupabaseClient<Database>> {
  loading ??= afterPaint()
    .then(() => import('./supabase'))
    .then(
      (module) => module.supabase,
      (error: unknown) => {
        loading = undefined
        throw error
      },
    )
  const client = await loading
  await nextTask()
  return client
}
