import { CheckCircle2, Info, X, XCircle } from 'lucide-react'
import { Link } from 'react-router'
import { cn } from './cn'
import { dismissToast, useToasts } from './toast-store'
import type { ToastTone } from './toast-store'

const icons: Record<ToastTone, typeof Info> = { info: Info, success: CheckCircle2, error: XCircle }
const tones: Record<ToastTone, string> = {
  info: 'text-link',
  success: 'text-up',
  error: 'text-down',
}

/** Renders toasts in polite and assertive live regions so screen readers announce them. */
export function Toaster() {
  const toasts = useToasts()
  const render = (urgent: boolean) =>
    toasts
      .filter((t) => (t.tone === 'error') === urgent)
      .map((t) => {
        const Icon = icons[t.tone]
        return (
          <div
            key={t.id}
            className="pointer-events-auto flex w-full items-start gap-3 rounded-lg border border-border bg-bg p-3 shadow-lg"
          >
            <Icon className={cn('mt-0.5 size-5 shrink-0', tones[t.tone])} aria-hidden="true" />
            <div className="min-w-0 flex-1">
              <p className="text-sm font-semibold">{t.title}</p>
              {t.description && <p className="text-sm text-muted">{t.description}</p>}
              {t.action && (
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
              onClick={() => dismissToast(t.id)}
              aria-label="Dismiss notification"
              className="rounded p-0.5 text-muted hover:text-fg"
            >
              <X className="size-4" aria-hidden="true" />
            </button>
          </div>
        )
      })
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-0 z-[60] flex flex-col items-center gap-2 p-4 sm:right-0 sm:left-auto sm:w-96 sm:items-end">
      <div role="status" aria-live="polite" className="flex w-full flex-col gap-2">
        {render(false)}
      </div>
      <div role="alert" aria-live="assertive" className="flex w-full flex-col gap-2">
        {render(true)}
      </div>
    </div>
  )
}
