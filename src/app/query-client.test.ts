import { priceStore } from '@/lib/prices'
import { createQueryClient } from './query-client'

// The app's store over a transport the test holds: each read waits until the test answers it.
const reads = vi.hoisted(() => ({ answers: [] as (() => void)[] }))
vi.mock('@/lib/prices', async () => {
  const { createPriceStore } = await import('@/lib/price-store')
  return {
    priceStore: createPriceStore({
      subscribe: () => () => {},
      fetchSnapshot: () => new Promise((resolve) => reads.answers.push(() => resolve([]))),
    }),
  }
})

/** What postgrest-js hands back when fetch itself failed. */
const networkError = { message: 'TypeError: Failed to fetch', code: '', details: '', hint: '' }

function failingQuery(client: ReturnType<typeof createQueryClient>, key: string, error: unknown) {
  return client
    .fetchQuery({ queryKey: [key], queryFn: () => Promise.reject(error), retry: false })
    .catch(() => undefined)
}

describe('query client', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    for (const answer of reads.answers.splice(0)) answer()
  })

  it('has the price store check the server once when several reads fail at once', async () => {
    const client = createQueryClient()
    const refresh = vi.spyOn(priceStore, 'refreshSnapshot')
    await Promise.all([
      failingQuery(client, 'stocks', networkError),
      failingQuery(client, 'portfolio', networkError),
      failingQuery(client, 'profile', networkError),
    ])
    expect(refresh).toHaveBeenCalledTimes(3)
    expect(reads.answers).toHaveLength(1)

    // Once that check has answered, the next failure checks again.
    reads.answers.splice(0)[0]()
    await refresh.mock.results[0].value
    await failingQuery(client, 'orders', networkError)
    expect(reads.answers).toHaveLength(1)
  })

  it('does not check the server for an answer that is an error', async () => {
    const client = createQueryClient()
    await failingQuery(client, 'stock', { message: 'No rows', code: 'PGRST116', status: 406 })
    expect(reads.answers).toHaveLength(0)
  })
})
