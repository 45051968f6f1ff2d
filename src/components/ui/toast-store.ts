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
}

type Listener = () => void

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

/** Shows a toast from anywhere (components, query callbacks, realtime handlers). */
export function toast(input: {
  title: string
  description?: string
  tone?: ToastTone
  action?: ToastAction
  durationMs?: number
}): number {
  const id = nextId++
  const item: Toast = { tone: 'info', durationMs: 6000, ...input, id }
  // Keep the stack short: a burst of fills should not bury the page.
  toasts = [...toasts, item].slice(-4)
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
