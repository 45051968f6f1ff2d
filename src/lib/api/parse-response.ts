import * as z from 'zod/mini'
import { logger } from '../logger'

/**
 * Server data that does not have the shape this version of the app expects: most likely the
 * database was migrated ahead of (or behind) the deployed app. The message is for people; the
 * details go to the log (and to error reporting, when it is on).
 */
export class UnexpectedResponseError extends Error {
  constructor(what: string) {
    super(
      `The server's answer for ${what} was not in the expected form. Reload the page to get the latest version of the app.`,
    )
    this.name = 'UnexpectedResponseError'
  }
}

/** Checks server data against its schema: the typed value, or an UnexpectedResponseError. */
export function parseResponse<T extends z.ZodMiniType>(
  schema: T,
  data: unknown,
  what: string,
): z.output<T> {
  const result = schema.safeParse(data)
  if (result.success) return result.data
  logger.error('unexpected server response', { what, issues: z.prettifyError(result.error) })
  throw new UnexpectedResponseError(what)
}
