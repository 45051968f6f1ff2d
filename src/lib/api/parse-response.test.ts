import { afterEach, describe, expect, it, vi } from 'vitest'
import * as z from 'zod/mini'
import { logger } from '../logger'
import { parseResponse, UnexpectedResponseError } from './parse-response'

const rowSchema = z.object({ symbol: z.string(), price: z.coerce.number() })

describe('parseResponse', () => {
  afterEach(() => vi.restoreAllMocks())

  it('returns the parsed value (numeric strings from PostgREST become numbers)', () => {
    expect(
      parseResponse(z.array(rowSchema), [{ symbol: 'AAPL', price: '227.5' }], 'stocks'),
    ).toEqual([{ symbol: 'AAPL', price: 227.5 }])
  })

  it('throws a plain message and logs where the data went wrong', () => {
    const logged: unknown[] = []
    vi.spyOn(logger, 'error').mockImplementation((message, fields) => {
      logged.push({ message, ...fields })
    })
    const parse = () => parseResponse(z.array(rowSchema), [{ symbol: 7 }], 'your watchlist')
    expect(parse).toThrow(UnexpectedResponseError)
    expect(parse).toThrow(
      "The server's answer for your watchlist was not in the expected form. Reload the page to get the latest version of the app.",
    )
    expect(logged[0]).toMatchObject({
      message: 'unexpected server response',
      what: 'your watchlist',
      issues: expect.stringContaining('[0].symbol'),
    })
  })
})
