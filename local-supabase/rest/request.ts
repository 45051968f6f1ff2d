import { RestError } from './errors.ts'
import { EXPOSED_SCHEMA } from './schema-cache.ts'
import type { Negotiated } from './negotiate.ts'
import type { Outcome, Plan } from './plan.ts'
import type { Preferences } from './prefer.ts'
import { checkSingle, contentRange, rangeStatus } from './respond.ts'

/** What one request will do once its plan has run: status, headers, checks. */
export interface Prepared {
  plan: Plan
  readOnly: boolean
  finish(outcome: Outcome): Answer
}

export interface Answer {
  status: number
  headers: Record<string, string>
  body: string | null
}

/**
 * The answer to a read (a table GET, or a function's result): the rows with their
 * Content-Range; with `ranged`, 206 or 416 against a counted total (a function that returns
 * one value is always 200).
 */
export function readAnswer(
  outcome: Outcome,
  read: {
    offset: number
    accepted: Negotiated
    prefs: Preferences
    location: string
    ranged: boolean
  },
): Answer {
  if (read.accepted.single) checkSingle(outcome)
  return {
    status: read.ranged ? rangeStatus(read.offset, outcome) : 200,
    headers: {
      'content-type': read.accepted.contentType,
      'content-range': contentRange(read.offset, outcome.rows, outcome.total),
      'content-location': read.location,
      ...applied(read.prefs, ['count']),
    },
    body: outcome.body,
  }
}

export function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {}
  headers.forEach((value, key) => {
    record[key] = value
  })
  return record
}

export function checkProfile(request: Request): void {
  const read = request.method === 'GET' || request.method === 'HEAD'
  const profile = request.headers.get(read ? 'accept-profile' : 'content-profile')
  if (profile && profile !== EXPOSED_SCHEMA) {
    throw new RestError(
      406,
      'PGRST106',
      `The schema must be one of the following: ${EXPOSED_SCHEMA}`,
    )
  }
}

/**
 * The parsed body for validation, and its text, which is what reaches Postgres: a JS
 * round trip would round numbers beyond double precision (numeric, bigint ids).
 */
export interface JsonBody {
  value: unknown
  text: string
}

export async function readBody(request: Request, emptyIsObject: boolean): Promise<JsonBody> {
  const text = await request.text()
  if (text.trim() === '' && emptyIsObject) return { value: {}, text: '{}' }
  try {
    return { value: JSON.parse(text), text }
  } catch {
    throw new RestError(400, 'PGRST102', 'Empty or invalid json')
  }
}

export function decodeName(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw new RestError(400, 'PGRST100', `failed to parse path segment (${segment})`)
  }
}

export function parseRange(header: string | null): { offset: number; limit?: number } | undefined {
  const match = header ? /^(?:items=)?(\d+)-(\d*)$/.exec(header.trim()) : null
  if (!match) return undefined
  const offset = Number(match[1])
  return { offset, limit: match[2] ? Math.max(0, Number(match[2]) - offset + 1) : undefined }
}

export function applied(prefs: Preferences, keys: (keyof Preferences)[]): Record<string, string> {
  const names: Record<string, string> = { maxAffected: 'max-affected' }
  const values = keys
    .filter((key) => prefs[key] !== undefined)
    .map((key) => `${names[key] ?? key}=${prefs[key]}`)
  return values.length ? { 'preference-applied': values.join(', ') } : {}
}
