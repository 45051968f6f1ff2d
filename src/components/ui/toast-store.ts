import { useSyncExternalStore } from 'react'

export type ToastTone = 'info' | 'success' | 'error'

export type ToastAction = { label: string; href: string }

export type Toast = {
  id: number
  title: string
  description?: string
  tone: ToastTone
  action?: ToastAction
  durationMs: number
  /** Date.now() when shown. */
  createdAt: number
}

type Listener = () => void

/**
 * How long a toast stays unless the caller says otherwise (0 = until dismissed). A confirmation
 * is read at a glance; a toast with a link needs time to reach it; an error needs time to read.
 */
export function defaultToastDuration(tone: ToastTone, hasAction: boolean): number {
  if (tone === 'error') return 10_000
  if (hasAction) return 8_000
  return tone === 'success' ? 4_500 : 6_000
}

let toasts: readonly Toast[] = []
let nextId = 1
const listeners = new Set<Listener>()
const timers = new Map<number, ReturnType<typeof setTimeout>>()

function emit() {
  for (const listener of listeners) listener()
}

export function dismissToast(id: number) {
  const timer = timers.get(id)
  if (timer) clearTimeout(timer)
  timers.delete(id)
  toasts = toasts.filter((t) => t.id !== id)
  emit()
}

/**
 * Dismisses the confirmations (success, no link) shown before `before`: after a page change they
 * are about a page the user has left. Errors, links and alerts stay for their time.
 */
export function dismissStaleConfirmations(before: number) {
  for (const t of toasts) {
    if (t.tone === 'success' && !t.action && t.createdAt < before) dismissToast(t.id)
  }
}

/** Shows a toast from anywhere (components, query callbacks, realtime handlers). */
export function toast(input: {
  title: string
  description?: string
  tone?: ToastTone
  action?: ToastAction
  durationMs?: number
}): number {
  const id = nextId++
  const tone = input.tone ?? 'info'
  const item: Toast = {
    durationMs: defaultToastDuration(tone, input.action !== undefined),
    ...input,
    tone,
    id,
    createdAt: Date.now(),
  }
  // Keep the stack short: a burst of fills should not bury the page.
  const dropped = toasts.slice(0, -3)
  toasts = [...toasts, item].slice(-4)
  for (const old of dropped) {
    clearTimeout(timers.get(old.id))
    timers.delete(old.id)
  }
  if (item.durationMs > 0)
    timers.set(
      id,
      setTimeout(() => dismissToast(id), item.durationMs),
    )
  emit()
  return id
}

function subscribe(listener: Listener) {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(subscribe, () => toasts)
}
