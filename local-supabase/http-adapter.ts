import type { IncomingMessage, ServerResponse } from 'node:http'

/** Request bodies above this are refused with 413, like Kong's default in front of Supabase. */
export const BODY_LIMIT_BYTES = 1024 * 1024

export class BodyTooLargeError extends Error {
  constructor() {
    super(`Request body exceeds the ${BODY_LIMIT_BYTES / 1024 / 1024} MiB limit`)
  }
}

/**
 * Reads the body into memory, refusing early (by Content-Length) or as soon as the streamed
 * bytes pass the limit, so an oversized or endless upload never grows the heap.
 */
export function readBody(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLargeError())
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.off('data', onData)
        chunks.length = 0
        reject(new BodyTooLargeError())
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.once('end', () => resolve(Buffer.concat(chunks)))
    req.once('error', reject)
  })
}

const NO_BODY_METHODS = new Set(['GET', 'HEAD'])

export function toRequest(req: IncomingMessage, base: string, body: Buffer): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v)
  }
  const method = req.method ?? 'GET'
  return new Request(new URL(req.url ?? '/', base), {
    method,
    headers,
    body: NO_BODY_METHODS.has(method) || body.length === 0 ? undefined : new Uint8Array(body),
  })
}

export async function sendResponse(
  res: ServerResponse,
  response: Response,
  extraHeaders: Record<string, string>,
  method: string,
): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  res.writeHead(response.status, { ...headers, ...extraHeaders })
  if (!response.body || method === 'HEAD') {
    await response.body?.cancel()
    res.end()
    return
  }
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    if (res.destroyed) {
      await reader.cancel()
      return
    }
    if (!res.write(value)) {
      // Both listeners go after either fires; a long stream waits many times and would
      // otherwise pile up 'close' listeners (MaxListenersExceededWarning).
      await new Promise<void>((resolve) => {
        const resume = () => {
          res.off('drain', resume)
          res.off('close', resume)
          resolve()
        }
        res.on('drain', resume)
        res.on('close', resume)
      })
    }
  }
  res.end()
}
