import { RestError } from './errors.ts'
import type { Outcome } from './plan.ts'

/** PostgREST's `Content-Range`: `0-24/3573`, `*\/0` when empty, total `*` when not counted. */
export function contentRange(lower: number, rows: number, total?: number): string {
  const upper = lower + rows - 1
  const range = total !== 0 && lower <= upper ? `${lower}-${upper}` : '*'
  return `${range}/${total ?? '*'}`
}

/** 200, 206 when the counted total is larger than the page, 416 past the end. */
export function rangeStatus(offset: number, outcome: Outcome): number {
  if (outcome.total === undefined) return 200
  if (offset > outcome.total) {
    throw new RestError(
      416,
      'PGRST103',
      'Requested range not satisfiable',
      `An offset of ${offset} was requested, but there are only ${outcome.total} rows.`,
    )
  }
  return outcome.rows < outcome.total ? 206 : 200
}

/** `.single()`: exactly one row, else 406 (and, for writes, the transaction rolls back). */
export function checkSingle(outcome: Outcome): void {
  if (outcome.rows !== 1) {
    throw new RestError(
      406,
      'PGRST116',
      'Cannot coerce the result to a single JSON object',
      `The result contains ${outcome.rows} rows`,
    )
  }
}

export function errorResponse(error: RestError): Response {
  return new Response(JSON.stringify(error.body), {
    status: error.status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...error.headers },
  })
}

/** `Prefer: tx=rollback`: the answer is built, then the transaction is undone. */
export class Rollback extends Error {
  readonly response: Response

  constructor(response: Response) {
    super('rollback requested')
    this.response = response
  }
}
