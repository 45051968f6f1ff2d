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

/** Why a toast is held on screen: the pointer is over it, or the focus is inside it. */
export type ToastHold = 'pointer' | 'focus'

/** A running or paused auto-dismiss: `deadline` while running, `remaining` while paused. */
type Countdown = { timer?: ReturnType<typeof setTimeout>; deadline: number; remaining: number }

const maxToasts = 4
let toasts: readonly Toast[] = []
let nextId = 1
const listeners = new Set<Listener>()
const countdowns = new Map<number, Countdown>()
const holds = new Map<number, Set<ToastHold>>()

function emit() {
  for (const listener of listeners) listener()
}

function isHeld(id: number) {
  return (holds.get(id)?.size ?? 0) > 0
}

function run(id: number, countdown: Countdown) {
  countdown.deadline = Date.now() + countdown.remaining
  countdown.timer = setTimeout(() => dismissToast(id), countdown.remaining)
}

function forget(id: number) {
  clearTimeout(countdowns.get(id)?.timer)
  countdowns.delete(id)
  holds.delete(id)
}

export function dismissToast(id: number) {
  forget(id)
  toasts = toasts.filter((t) => t.id !== id)
  emit()
}

/**
 * Pauses a toast's auto-dismiss while the pointer is over it or the focus is inside it (WCAG
 * 2.2.1): a keyboard user on its link must not have it removed under them, focus and all.
 */
export function holdToast(id: number, reason: ToastHold) {
  if (!toasts.some((t) => t.id === id)) return
  const reasons = holds.get(id) ?? new Set()
  holds.set(id, reasons.add(reason))
  const countdown = countdowns.get(id)
  if (!countdown?.timer) return
  clearTimeout(countdown.timer)
  countdown.timer = undefined
  countdown.remaining = Math.max(0, countdown.deadline - Date.now())
}

/** Ends one hold; once none is left the toast's countdown goes on with the time it had left. */
export function releaseToast(id: number, reason: ToastHold) {
  const reasons = holds.get(id)
  if (!reasons?.delete(reason) || reasons.size > 0) return
  holds.delete(id)
  const countdown = countdowns.get(id)
  if (countdown && !countdown.timer) run(id, countdown)
}

/**
 * Dismisses the confirmations (success, no link) shown before `before`: after a page change they
 * are about a page the user has left. Errors, links, alerts and held toasts stay for their time.
 */
export function dismissStaleConfirmations(before: number) {
  for (const t of toasts) {
    if (t.tone === 'success' && !t.action && t.createdAt < before && !isHeld(t.id))
      dismissToast(t.id)
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
  // Keep the stack short: a burst of fills should not bury the page. The oldest toast that is
  // not held goes (at most two are held: one hovered, one focused).
  let shown = [...toasts, item]
  while (shown.length > maxToasts) {
    const oldest = shown.find((t) => !isHeld(t.id)) ?? item
    forget(oldest.id)
    shown = shown.filter((t) => t !== oldest)
  }
  toasts = shown
  if (item.durationMs > 0) {
    const countdown: Countdown = { deadline: 0, remaining: item.durationMs }
    countdowns.set(id, countdown)
    run(id, countdown)
  }
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
