import { useId } from 'react'
import type { ReactNode, SelectHTMLAttributes } from 'react'
import { cn } from './cn'
import { fieldClass } from './input'

export type SelectOption = { value: string; label: string }

export type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> & {
  label: ReactNode
  hideLabel?: boolean
  options: readonly SelectOption[]
}

export function Select({ label, hideLabel, options, className, id, ...rest }: SelectProps) {
  const generated = useId()
  const selectId = id ?? generated
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={selectId} className={cn('text-sm font-medium', hideLabel && 'sr-only')}>
        {label}
      </label>
      <select id={selectId} className={cn(fieldClass, 'pr-8')} {...rest}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}
