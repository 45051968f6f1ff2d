import { useEffect, useEffectEvent, useId, useState, type ChangeEvent } from 'react'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { useDebouncedValue } from '@/lib/use-debounced-value'
import type { HistoryFilters } from '../lib/filters'

const sideOptions = [
  { value: '', label: 'All sides' },
  { value: 'buy', label: 'Buy' },
  { value: 'sell', label: 'Sell' },
]

const SYMBOL_DEBOUNCE_MS = 300
const symbolPattern = /^[A-Z0-9.-]{1,12}$/
const rangeMessage = 'The end date is before the start date.'
const symbolMessage = 'A symbol has only letters, digits, "." and "-".'

type Editable = Pick<HistoryFilters, 'symbol' | 'side' | 'from' | 'to'>

/** What the fields hold; a date is null while partly typed (browsers then report ""). */
type Draft = { symbol: string; side: string; from: string | null; to: string | null }

function draftOf(filters: Editable): Draft {
  return {
    symbol: filters.symbol ?? '',
    side: filters.side ?? '',
    from: filters.from ?? '',
    to: filters.to ?? '',
  }
}

function keyOf(filters: Editable) {
  return JSON.stringify([filters.symbol, filters.side, filters.from, filters.to])
}

/**
 * Chromium reports the year as it is typed (0002, 0020, 0202, 2026), each a valid date, so a
 * year before 1000 is taken as one still being typed.
 */
function isCompleteDay(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const [year, month, day] = value.split('-').map(Number)
  const date = new Date(Date.UTC(year, month - 1, day))
  return year >= 1000 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** A date field's day: cleared, complete, or (while partly typed) the one already applied. */
function dayOf(value: string | null, applied: string | undefined) {
  if (value === '') return undefined
  return value !== null && isCompleteDay(value) ? value : applied
}

/**
 * The filters the fields ask for. Anything unfinished or invalid (a symbol still being typed or
 * with other characters, a partial date, a range that ends before it starts) keeps the filter
 * already applied, so the list never shows something the fields do not say.
 */
function resolve(
  draft: Draft,
  settledSymbol: string,
  applied: Editable,
  listed: ReadonlySet<string> | undefined,
) {
  const symbol = draft.symbol.trim().toUpperCase()
  const settled = settledSymbol === draft.symbol
  const wellFormed = !symbol || symbolPattern.test(symbol)
  const unlisted = !!symbol && wellFormed && !!listed && !listed.has(symbol)
  // An unlisted symbol is said once typing pauses, so "AA" on the way to "AAPL" is neither
  // applied (an empty list) nor called wrong while the keys are still coming.
  const symbolError = !wellFormed
    ? symbolMessage
    : unlisted && settled
      ? `No listed stock has the symbol ${symbol}.`
      : undefined
  const from = dayOf(draft.from, applied.from)
  const to = dayOf(draft.to, applied.to)
  const rangeError = from && to && from > to ? rangeMessage : undefined
  const next: Editable = {
    symbol: !settled || symbolError || unlisted ? applied.symbol : symbol || undefined,
    side: draft.side === 'buy' || draft.side === 'sell' ? draft.side : undefined,
    from: rangeError ? applied.from : from,
    to: rangeError ? applied.to : to,
  }
  return { next, symbolError, rangeError }
}

/**
 * Filters apply as they change: the side and complete dates at once, the symbol once typing
 * pauses (so a list is not fetched per key).
 */
export function HistoryFiltersForm({
  filters,
  onChange,
  listed,
}: {
  filters: Editable
  onChange: (filters: Editable) => void
  /** The listed symbols; while they load, any well-formed symbol is applied. */
  listed?: ReadonlySet<string>
}) {
  const id = useId()
  const symbolErrorId = `${id}-symbol-error`
  const symbolListId = `${id}-symbols`
  const rangeErrorId = `${id}-range-error`
  const [draft, setDraft] = useState(() => draftOf(filters))
  const settledSymbol = useDebouncedValue(draft.symbol, SYMBOL_DEBOUNCE_MS)

  // The URL changed: by this form (then the fields already say so, and keep what is being typed)
  // or from outside (back button, a link), whose filters the fields then show. Adjusting state
  // while rendering, not remounting, keeps keyboard focus where it was.
  const appliedKey = keyOf(filters)
  const [shownKey, setShownKey] = useState(appliedKey)
  if (shownKey !== appliedKey) {
    setShownKey(appliedKey)
    if (keyOf(resolve(draft, settledSymbol, filters, listed).next) !== appliedKey) {
      setDraft(draftOf(filters))
    }
  }

  const { symbolError, rangeError } = resolve(draft, settledSymbol, filters, listed)

  function apply(nextDraft: Draft, symbol = settledSymbol) {
    const { next } = resolve(nextDraft, symbol, filters, listed)
    if (keyOf(next) !== appliedKey) onChange(next)
  }

  function edit(changes: Partial<Draft>) {
    const nextDraft = { ...draft, ...changes }
    setDraft(nextDraft)
    apply(nextDraft)
  }

  function editDate(field: 'from' | 'to', event: ChangeEvent<HTMLInputElement>) {
    const { value, validity } = event.target
    edit({ [field]: value === '' && validity.badInput ? null : value })
  }

  const applySettledSymbol = useEffectEvent((symbol: string) => apply(draft, symbol))
  useEffect(() => applySettledSymbol(settledSymbol), [settledSymbol])

  function clear() {
    setDraft(draftOf({}))
    if (appliedKey !== keyOf({})) onChange({})
  }

  const fromDay = draft.from && isCompleteDay(draft.from) ? draft.from : undefined
  const toDay = draft.to && isCompleteDay(draft.to) ? draft.to : undefined

  return (
    // noValidate: the range is checked here and said below the fields; the date inputs' min/max
    // only limit their pickers, without Chromium's own bubble on top of that message. There is
    // nothing to submit, and Enter must not reload the page.
    <form
      onSubmit={(event) => event.preventDefault()}
      noValidate
      aria-label="Filter history"
      className="flex flex-col rounded-lg border border-border bg-surface p-3"
    >
      <div className="grid grid-cols-2 items-end gap-3 sm:grid-cols-4 lg:grid-cols-5">
        <Input
          label="Symbol"
          value={draft.symbol}
          onChange={(event) => edit({ symbol: event.target.value })}
          placeholder="e.g. AAPL"
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={12}
          list={listed ? symbolListId : undefined}
          aria-invalid={symbolError ? true : undefined}
          aria-describedby={symbolError ? symbolErrorId : undefined}
        />
        {/* The browser suggests listed symbols as one types ("AA": AAL, AAPL). */}
        {listed && (
          <datalist id={symbolListId}>
            {[...listed].map((symbol) => (
              <option key={symbol} value={symbol} />
            ))}
          </datalist>
        )}
        <Select
          label="Side"
          value={draft.side}
          onChange={(event) => edit({ side: event.target.value })}
          options={sideOptions}
        />
        <Input
          label="From"
          type="date"
          value={draft.from ?? ''}
          max={toDay}
          onChange={(event) => editDate('from', event)}
          aria-invalid={rangeError ? true : undefined}
          aria-describedby={rangeError ? rangeErrorId : undefined}
        />
        <Input
          label="To"
          type="date"
          value={draft.to ?? ''}
          min={fromDay}
          onChange={(event) => editDate('to', event)}
          aria-invalid={rangeError ? true : undefined}
          aria-describedby={rangeError ? rangeErrorId : undefined}
        />
        <Button type="button" variant="secondary" onClick={clear}>
          Clear filters
        </Button>
      </div>
      {/* Below the whole row, so an error does not push one field out of line with the others. */}
      <div aria-live="polite" className="flex flex-col gap-1 text-xs text-down not-empty:mt-2">
        {symbolError && <p id={symbolErrorId}>{symbolError}</p>}
        {rangeError && <p id={rangeErrorId}>{rangeError}</p>}
      </div>
    </form>
  )
}
