import { useEffect, useId, useState, type KeyboardEvent } from 'react'
import { Plus } from 'lucide-react'
import { fieldClass } from '@/components/ui/input'
import { cn } from '@/components/ui/cn'
import { useSearchStocks, type StockMatch } from '../api/search-stocks'

const DEBOUNCE_MS = 250

function useDebounced(value: string, delay: number): string {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay)
    return () => clearTimeout(timer)
  }, [value, delay])
  return debounced
}

/**
 * Symbol search as an ARIA 1.2 combobox: type, move with the arrow keys, Enter adds the
 * highlighted stock, Escape closes the list. Symbols already on the list are shown as added.
 */
export function AddSymbol({
  existing,
  onAdd,
  pending,
}: {
  existing: ReadonlySet<string>
  onAdd: (symbol: string) => void
  pending: boolean
}) {
  const [term, setTerm] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const debounced = useDebounced(term, DEBOUNCE_MS)
  const search = useSearchStocks(debounced)
  const results = search.data ?? []
  const id = useId()
  const listId = `${id}-list`
  const expanded = open && debounced.trim() !== '' && term.trim() !== ''

  function choose(match: StockMatch | undefined) {
    if (pending || !match || existing.has(match.symbol)) return
    onAdd(match.symbol)
    setTerm('')
    setOpen(false)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      setOpen(true)
      if (results.length === 0) return
      const delta = event.key === 'ArrowDown' ? 1 : -1
      setActive((index) => (index + delta + results.length) % results.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      if (expanded) choose(results[active])
    } else if (event.key === 'Escape') {
      setOpen(false)
    }
  }

  return (
    <div className="relative flex w-full max-w-md flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        Add a stock
      </label>
      <input
        id={id}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={
          expanded && results[active] ? `${listId}-${results[active].symbol}` : undefined
        }
        aria-describedby={`${id}-hint`}
        className={fieldClass}
        value={term}
        placeholder="Search by symbol or name"
        autoComplete="off"
        spellCheck={false}
        // Read-only, not disabled, while adding: disabling the focused input dropped focus to
        // the page, and the next stock is searched for right here.
        readOnly={pending}
        aria-busy={pending || undefined}
        onChange={(event) => {
          setTerm(event.target.value)
          setActive(0)
          setOpen(true)
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <p id={`${id}-hint`} className="sr-only">
        Use the up and down arrows to pick a stock and Enter to add it.
      </p>
      {expanded && (
        <ul
          id={listId}
          role="listbox"
          aria-label="Matching stocks"
          className="absolute top-full z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border border-border bg-bg py-1 shadow-lg"
        >
          {search.isFetching && results.length === 0 ? (
            <li role="presentation" className="px-3 py-2 text-sm text-muted">
              Searching…
            </li>
          ) : results.length === 0 ? (
            <li role="presentation" className="px-3 py-2 text-sm text-muted">
              No stock matches “{debounced.trim()}”.
            </li>
          ) : (
            results.map((match, index) => {
              const added = existing.has(match.symbol)
              return (
                <li
                  key={match.symbol}
                  id={`${listId}-${match.symbol}`}
                  role="option"
                  aria-selected={index === active}
                  aria-disabled={added || undefined}
                  // mousedown, not click: the input's blur would close the list first
                  onMouseDown={(event) => {
                    event.preventDefault()
                    choose(match)
                  }}
                  onMouseEnter={() => setActive(index)}
                  className={cn(
                    'flex cursor-pointer items-center gap-2 px-3 py-2 text-sm',
                    index === active && 'bg-surface-2',
                    added && 'cursor-default text-muted',
                  )}
                >
                  <span className="w-14 font-semibold">{match.symbol}</span>
                  <span className="min-w-0 flex-1 truncate">{match.name}</span>
                  {added ? (
                    <span className="text-xs">Added</span>
                  ) : (
                    <Plus className="size-4 text-muted" aria-hidden="true" />
                  )}
                </li>
              )
            })
          )}
        </ul>
      )}
    </div>
  )
}
