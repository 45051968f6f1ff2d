import { getEnv } from './env'

type Level = 'debug' | 'info' | 'warn' | 'error'
type Fields = Record<string, unknown>
type Sink = (level: Level, message: string, fields: Fields) => void

const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 }

function minimumLevel(): Level {
  try {
    const env = getEnv()
    if (env.VITE_ENABLE_DEBUG) return 'debug'
    // Production stays quiet: only problems reach the console.
    return env.VITE_ENVIRONMENT === 'production' ? 'warn' : 'info'
  } catch {
    return 'warn'
  }
}

const consoleSink: Sink = (level, message, fields) => {
  const line = { level, message, time: new Date().toISOString(), ...fields }
  const write = level === 'debug' ? console.debug : console[level]
  write(line)
}

const sinks = new Set<Sink>([consoleSink])

function log(level: Level, message: string, fields: Fields = {}) {
  if (order[level] < order[minimumLevel()]) return
  for (const sink of sinks) sink(level, message, fields)
}

/** Small structured logger: one object per line, quiet below `warn` in production. */
export const logger = {
  debug: (message: string, fields?: Fields) => log('debug', message, fields),
  info: (message: string, fields?: Fields) => log('info', message, fields),
  warn: (message: string, fields?: Fields) => log('warn', message, fields),
  error: (message: string, fields?: Fields) => log('error', message, fields),
  /** Extra destinations (an error reporter) register here; returns the unsubscribe. */
  addSink(sink: Sink) {
    sinks.add(sink)
    return () => void sinks.delete(sink)
  },
}
