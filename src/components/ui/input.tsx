import { useId } from 'react'
import type { InputHTMLAttributes, ReactNode } from 'react'
import { cn } from './cn'

export const fieldClass =
  'h-10 w-full rounded-md border border-border bg-bg px-3 text-sm text-fg placeholder:text-muted aria-[invalid=true]:border-down'

export type InputProps = InputHTMLAttributes<HTMLInputElement> & {
  label: ReactNode
  /** Visually hide the label (it stays the accessible name). */
  hideLabel?: boolean
  hint?: ReactNode
  error?: ReactNode
}

export function Input({ label, hideLabel, hint, error, className, id, ...rest }: InputProps) {
  const generated = useId()
  const inputId = id ?? generated
  const hintId = hint ? `${inputId}-hint` : undefined
  const errorId = error ? `${inputId}-error` : undefined
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={inputId} className={cn('text-sm font-medium', hideLabel && 'sr-only')}>
        {label}
      </label>
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        className={fieldClass}
        {...rest}
      />
      {hint && (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-xs text-down">
          {error}
        </p>
      )}
    </div>
  )
}
