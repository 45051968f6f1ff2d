import type { Db } from '../db/types.ts'
import { json, type Handler } from '../handler.ts'
import { bearerToken } from '../jwt.ts'
import { authenticate } from './auth.ts'
import { authorizeTopic } from './authorization.ts'
import type { Hub } from './hub.ts'
import type { BroadcastBody } from './protocol.ts'

const MAX_BODY_BYTES = 1024 * 1024

/**
 * Realtime's REST side: `POST /api/broadcast` `{messages:[{topic, event, payload, private}]}`
 * (realtime-js's fallback when a channel is not joined) and
 * `POST /api/broadcast/:topic/events/:event` (httpSend, JSON or raw bytes). Both → 202.
 * `GET /api/ping` answers health checks.
 */
export function createHttpApi(hub: Hub, jwtSecret: string, db: Db): Handler {
  return async (request) => {
    const url = new URL(request.url)
    const path = url.pathname.replace(/^.*?\/realtime\/v1/, '').replace(/\/+$/, '')
    if (path === '/api/ping' && request.method === 'GET') return json({ message: 'Success' })
    const single = /^\/api\/broadcast\/([^/]+)\/events\/([^/]+)$/.exec(path)
    if (path !== '/api/broadcast' && !single) return json({ message: 'Not Found' }, 404)
    if (request.method !== 'POST') return json({ message: 'Method Not Allowed' }, 405)

    const apikey = request.headers.get('apikey') ?? url.searchParams.get('apikey')
    if (!apikey) return json({ message: 'Missing apikey' }, 401)
    const keyCheck = await authenticate(apikey, jwtSecret)
    if (!keyCheck.ok) return json({ message: keyCheck.message }, 401)
    const token = bearerToken(request.headers) ?? apikey
    const identity = token === apikey ? keyCheck : await authenticate(token, jwtSecret)
    if (!identity.ok) return json({ message: identity.message }, 401)

    const body = Buffer.from(await request.arrayBuffer())
    if (body.length > MAX_BODY_BYTES) return json({ message: 'Payload Too Large' }, 413)

    const messages: Array<{ body: BroadcastBody; isPrivate: boolean }> = []
    if (single) {
      const isBinary = (request.headers.get('content-type') ?? '').includes(
        'application/octet-stream',
      )
      const text = body.toString('utf8')
      if (!isBinary && !isJson(text)) return json({ message: 'Invalid JSON body' }, 400)
      messages.push({
        body: {
          topic: `realtime:${decodeURIComponent(single[1])}`,
          event: decodeURIComponent(single[2]),
          payload: isBinary ? { bytes: body } : { json: text },
        },
        isPrivate: url.searchParams.get('private') === 'true',
      })
    } else {
      let parsed: unknown
      try {
        parsed = JSON.parse(body.toString('utf8'))
      } catch {
        return json({ message: 'Invalid JSON body' }, 400)
      }
      const list = (parsed as { messages?: unknown } | null)?.messages
      if (!Array.isArray(list) || list.length === 0) {
        return json({ message: 'messages must be a non-empty array' }, 422)
      }
      for (const m of list as Array<Record<string, unknown> | null>) {
        if (!m || typeof m.topic !== 'string' || !m.topic || typeof m.event !== 'string') {
          return json({ message: 'each message needs a topic and an event' }, 422)
        }
        messages.push({
          body: {
            topic: `realtime:${m.topic}`,
            event: m.event,
            payload: { json: JSON.stringify(m.payload ?? {}) },
          },
          isPrivate: m.private === true,
        })
      }
    }
    // Like hosted Realtime: a private message the caller may not send is dropped, not an error.
    const allowed = new Map<string, boolean>()
    for (const m of messages) {
      if (m.isPrivate) {
        const subTopic = m.body.topic.slice('realtime:'.length)
        if (!allowed.has(subTopic)) {
          const permissions = await authorizeTopic(db, identity.auth, subTopic)
          allowed.set(subTopic, permissions.write)
        }
        if (!allowed.get(subTopic)) continue
      }
      hub.broadcast(m.body, m.isPrivate)
    }
    return new Response(null, { status: 202 })
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
