/** A `phx_join` payload, normalised: realtime-js sends `{config, access_token}`. */
export interface JoinConfig {
  accessToken: string | null
  isPrivate: boolean
  self: boolean
  ack: boolean
  presence: { enabled: boolean; key: string }
  postgresChanges: unknown
  replay: unknown
}

export function parseJoinPayload(payload: unknown): JoinConfig {
  const p = (payload && typeof payload === 'object' ? payload : {}) as {
    config?: unknown
    access_token?: unknown
  }
  const config = (p.config && typeof p.config === 'object' ? p.config : {}) as {
    broadcast?: { self?: unknown; ack?: unknown; replay?: unknown }
    presence?: { enabled?: unknown; key?: unknown }
    postgres_changes?: unknown
    private?: unknown
  }
  return {
    accessToken: typeof p.access_token === 'string' ? p.access_token : null,
    isPrivate: config.private === true,
    self: config.broadcast?.self === true,
    ack: config.broadcast?.ack === true,
    presence: {
      enabled: config.presence?.enabled === true,
      key: typeof config.presence?.key === 'string' ? config.presence.key : '',
    },
    postgresChanges: config.postgres_changes,
    replay: config.broadcast?.replay,
  }
}

/** The `system` push supabase/realtime uses for subscription status and channel errors. */
export function systemPayload(
  topic: string,
  extension: 'system' | 'postgres_changes',
  status: 'ok' | 'error',
  message: string,
) {
  return { extension, status, message, channel: topic.slice('realtime:'.length) }
}
