import { useEffect, useRef } from 'react'
import { CheckCircle2, Info, X, XCircle } from 'lucide-react'
import { Link, useLocation } from 'react-router'
import { cn } from './cn'
import {
  dismissStaleConfirmations,
  dismissToast,
  holdToast,
  releaseToast,
  useToasts,
} from './toast-store'
import type { ToastTone } from './toast-store'

const icons: Record<ToastTone, typeof Info> = { info: Info, success: CheckCircle2, error: XCircle }
const tones: Record<ToastTone, string> = {
  info: 'text-link',
  success: 'text-up',
  error: 'text-down',
}

/**
 * Where the toasts go: bottom-left from md up, clear of the stock page's order ticket (the right
 * column from the top); on phones full width just above the fixed bottom navigation (3.5 rem).
 * Below lg a page may add a fixed bar over that navigation (the stock page's Buy/Sell bar, marked
 * data-bottom-bar, 3.5 rem tall): toasts then sit above it, not over its actions. A page whose
 * own main action is at the bottom of the screen (the order ticket's Review button, once that
 * bar steps aside for the ticket) marks it data-keep-bottom-clear: below lg the toasts then go
 * to the top, under the sticky header (3.5 rem). From lg the ticket has its own column.
 */
export const toasterPlacement =
  'pointer-events-none fixed inset-x-0 bottom-14 z-[60] flex flex-col gap-2 p-4 md:right-auto md:bottom-0 md:w-96 [body:has([data-bottom-bar])_&]:bottom-[6.75rem] md:[body:has([data-bottom-bar])_&]:bottom-14 lg:[body:has([data-bottom-bar])_&]:bottom-0 [body:has([data-keep-bottom-clear])_&]:top-14 [body:has([data-keep-bottom-clear])_&]:bottom-auto lg:[body:has([data-keep-bottom-clear])_&]:top-auto lg:[body:has([data-keep-bottom-clear])_&]:bottom-0'

/**
 * Closes a toast from its own button. A keyboard user's focus would go with it to <body>, so it
 * moves to the next toast's close button or, when none is left, back to where it came from.
 */
function dismissKeepingFocus(id: number, button: HTMLButtonElement, cameFrom: HTMLElement | null) {
  const focused = document.activeElement === button
  const closers = [
    ...(button
      .closest('[data-testid="toaster"]')
      ?.querySelectorAll<HTMLButtonElement>('button[data-toast-close]') ?? []),
  ]
  const index = closers.indexOf(button)
  const next = closers[index + 1] ?? closers[index - 1]
  dismissToast(id)
  if (!focused) return
  if (next) next.focus()
  else if (cameFrom?.isConnected) cameFrom.focus()
}

/** Renders toasts in polite and assertive live regions so screen readers announce them. */
export function Toaster() {
  const toasts = useToasts()
  const { pathname } = useLocation()
  const shownPath = useRef(pathname)
  // Where the focus was before it entered the toasts, to give it back when the last one closes.
  const cameFrom = useRef<HTMLElement | null>(null)
  useEffect(() => {
    if (shownPath.current === pathname) return
    shownPath.current = pathname
    // A second's grace keeps a toast raised just before navigating ("Your account was deleted").
    dismissStaleConfirmations(Date.now() - 1000)
  }, [pathname])
  const render = (urgent: boolean) =>
    toasts
      .filter((t) => (t.tone === 'error') === urgent)
      .map((t) => {
        const Icon = icons[t.tone]
        return (
          <div
            key={t.id}
            // Hovered or focused, a toast waits: its link must not vanish under the user.
            onPointerEnter={() => holdToast(t.id, 'pointer')}
            onPointerLeave={() => releaseToast(t.id, 'pointer')}
            onFocus={(event) => {
              holdToast(t.id, 'focus')
              const from = event.relatedTarget
              if (from instanceof HTMLElement && !from.closest('[data-testid="toaster"]'))
                cameFrom.current = from
            }}
            onBlur={(event) => {
              const box = event.currentTarget
              // Focus moving within the toast, or the window losing focus (the link stays the
              // page's active element, and gets it back on return), keeps the hold.
              if (box.contains(event.relatedTarget) || box.contains(document.activeElement)) return
              releaseToast(t.id, 'focus')
            }}
            className="pointer-events-auto flex w-full items-start gap-3 rounded-lg border border-border bg-bg p-3 shadow-lg"
          >
            <Icon className={cn('mt-0.5 size-5 shrink-0', tones[t.tone])} aria-hidden="true" />
            <div className="min-w-0 flex-1">
              <p className="text-sm font-semibold">{t.title}</p>
              {t.description && <p className="text-sm text-muted">{t.description}</p>}
              {/* "View portfolio" on the portfolio page would go nowhere */}
              {t.action && t.action.href !== pathname && (
                <Link
                  to={t.action.href}
                  onClick={() => dismissToast(t.id)}
                  className="mt-1 inline-block text-sm font-medium text-link underline"
                >
                  {t.action.label}
                </Link>
              )}
            </div>
            <button
              type="button"
              onClick={(event) => dismissKeepingFocus(t.id, event.currentTarget, cameFrom.current)}
              aria-label="Dismiss notification"
              data-toast-close
              className="rounded p-0.5 text-muted hover:text-fg"
            >
              <X className="size-4" aria-hidden="true" />
            </button>
          </div>
        )
      })
  return (
    <div data-testid="toaster" className={toasterPlacement}>
      <div role="status" aria-live="polite" className="flex w-full flex-col gap-2">
        {render(false)}
      </div>
      <div role="alert" aria-live="assertive" className="flex w-full flex-col gap-2">
        {render(true)}
      </div>
    </div>
  )
}
