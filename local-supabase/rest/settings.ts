/** PostgREST settings the stack may change; the defaults are `supabase/config.toml`'s. */
export interface RestSettings {
  /** `[api] max_rows`: top-level rows per response (PostgREST's db-max-rows). */
  maxRows?: number
}

export const DEFAULT_REST_SETTINGS: Required<RestSettings> = { maxRows: 1000 }
