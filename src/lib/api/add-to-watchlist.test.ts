import { startAppAgainstStack, type AppAgainstStack } from '@/test/app-against-stack'
import type * as Add from './add-to-watchlist'
import type * as Remove from './remove-from-watchlist'

let app: AppAgainstStack
// imported once the stack is up: the supabase client reads its URL at import time
let addToWatchlist: typeof Add.addToWatchlist
let removeFromWatchlist: typeof Remove.removeFromWatchlist

beforeAll(async () => {
  app = await startAppAgainstStack()
  ;({ addToWatchlist } = await import('./add-to-watchlist'))
  ;({ removeFromWatchlist } = await import('./remove-from-watchlist'))
})

afterAll(async () => {
  await app?.stop()
})

describe('watchlist add and remove against the local stack', () => {
  it('adds once even when added twice (another tab first), and removes', async () => {
    const userId = await app.signInAsGuest()
    const rows = async () =>
      (await app.stack.admin.from('wishlists').select('symbol').eq('user_id', userId)).data

    await addToWatchlist('KO')
    await expect(addToWatchlist('KO')).resolves.toBeUndefined()
    expect(await rows()).toEqual([{ symbol: 'KO' }])
    // other failures still fail
    await expect(addToWatchlist('NOPE')).rejects.toMatchObject({ code: '23503' })

    await removeFromWatchlist(userId, 'KO')
    expect(await rows()).toEqual([])
  })
})
