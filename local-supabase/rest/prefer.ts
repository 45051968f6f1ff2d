import { RestError } from './errors.ts'

/** The `Prefer` header, which clients send comma-joined (`return=representation,count=exact`). */
export interface Preferences {
  return?: 'representation' | 'minimal' | 'headers-only'
  count?: 'exact' | 'planned' | 'estimated'
  resolution?: 'merge-duplicates' | 'ignore-duplicates'
  missing?: 'default' | 'null'
  handling?: 'strict' | 'lenient'
  tx?: 'commit' | 'rollback'
  maxAffected?: number
}

const ALLOWED: Record<string, readonly string[]> = {
  return: ['representation', 'minimal', 'headers-only'],
  count: ['exact', 'planned', 'estimated'],
  resolution: ['merge-duplicates', 'ignore-duplicates'],
  missing: ['default', 'null'],
  handling: ['strict', 'lenient'],
  tx: ['commit', 'rollback'],
}

/**
 * Unknown or malformed preferences are ignored (`handling=lenient`, the default); with
 * `handling=strict` they are a 400 PGRST122, as in PostgREST.
 */
export function parsePrefer(headers: Headers): Preferences {
  const prefs: Record<string, unknown> = {}
  const invalid: string[] = []
  for (const part of (headers.get('prefer') ?? '').split(',')) {
    const text = part.trim()
    if (text === '') continue
    const [key, value] = text.split('=').map((s) => s.trim())
    if (key === 'max-affected' && /^\d+$/.test(value ?? '')) prefs.maxAffected = Number(value)
    else if (key in ALLOWED && ALLOWED[key].includes(value)) prefs[key] = value
    else invalid.push(text)
  }
  if (prefs.handling === 'strict' && invalid.length > 0) {
    throw new RestError(
      400,
      'PGRST122',
      'Invalid preferences given with handling=strict',
      `Invalid preferences: ${invalid.join(', ')}`,
    )
  }
  return prefs as Preferences
}
