import type { BodyMode } from './compose.ts'
import { RestError } from './errors.ts'

export interface Negotiated {
  mode: Exclude<BodyMode, 'none'>
  /** `application/vnd.pgrst.object+json`: exactly one row or 406. */
  single: boolean
  stripNulls: boolean
  contentType: string
}

const JSON_TYPE = 'application/json; charset=utf-8'

/** Picks the first media type of `Accept` this server can produce, as PostgREST does. */
export function negotiate(accept: string | null): Negotiated {
  if (!accept) return { mode: 'array', single: false, stripNulls: false, contentType: JSON_TYPE }
  for (const entry of accept.split(',')) {
    const [type, ...params] = entry.split(';').map((part) => part.trim().toLowerCase())
    const stripNulls = params.includes('nulls=stripped')
    switch (type) {
      case '*/*':
      case 'application/*':
      case 'application/json':
        return { mode: 'array', single: false, stripNulls: false, contentType: JSON_TYPE }
      case 'application/vnd.pgrst.array+json':
      case 'application/vnd.pgrst.array':
        return { mode: 'array', single: false, stripNulls, contentType: JSON_TYPE }
      case 'application/vnd.pgrst.object+json':
      case 'application/vnd.pgrst.object':
        return {
          mode: 'object',
          single: true,
          stripNulls,
          contentType: 'application/vnd.pgrst.object+json; charset=utf-8',
        }
      case 'text/csv':
        return {
          mode: 'csv',
          single: false,
          stripNulls: false,
          contentType: 'text/csv; charset=utf-8',
        }
    }
  }
  throw new RestError(406, 'PGRST107', `None of these media types are available: ${accept}`)
}
