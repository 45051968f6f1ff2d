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

/** Unknown or malformed preferences are ignored, as PostgREST does with `handling=lenient`. */
export function parsePrefer(headers: Headers): Preferences {
  const prefs: Record<string, unknown> = {}
  for (const part of (headers.get('prefer') ?? '').split(',')) {
    const [key, value] = part
      .trim()
      .split('=')
      .map((s) => s.trim())
    if (key === 'max-affected' && /^\d+$/.test(value ?? '')) prefs.maxAffected = Number(value)
    else if (key in ALLOWED && ALLOWED[key].includes(value)) prefs[key] = value
  }
  return prefs as Preferences
}
