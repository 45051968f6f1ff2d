import { useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import type { HistoryFilters } from '../lib/filters'

const sideOptions = [
  { value: '', label: 'All sides' },
  { value: 'buy', label: 'Buy' },
  { value: 'sell', label: 'Sell' },
]

type Editable = Pick<HistoryFilters, 'symbol' | 'side' | 'from' | 'to'>

/** Filters are edited locally and applied on submit, so typing does not refetch per key. */
export function HistoryFiltersForm({
  filters,
  onApply,
}: {
  filters: Editable
  onApply: (filters: Editable) => void
}) {
  const [symbol, setSymbol] = useState(filters.symbol ?? '')
  const [side, setSide] = useState<string>(filters.side ?? '')
  const [from, setFrom] = useState(filters.from ?? '')
  const [to, setTo] = useState(filters.to ?? '')
  // When the URL changes from outside (back button, a link), show its filters. Adjusting state
  // while rendering, not remounting, keeps keyboard focus where it was.
  const applied = JSON.stringify([filters.symbol, filters.side, filters.from, filters.to])
  const [shown, setShown] = useState(applied)
  if (shown !== applied) {
    setShown(applied)
    setSymbol(filters.symbol ?? '')
    setSide(filters.side ?? '')
    setFrom(filters.from ?? '')
    setTo(filters.to ?? '')
  }
  const rangeError = from && to && from > to ? 'The end date is before the start date.' : undefined

  function submit(event: FormEvent) {
    event.preventDefault()
    if (rangeError) return
    onApply({
      symbol: symbol.trim().toUpperCase() || undefined,
      side: side === 'buy' || side === 'sell' ? side : undefined,
      from: from || undefined,
      to: to || undefined,
    })
  }

  function clear() {
    setSymbol('')
    setSide('')
    setFrom('')
    setTo('')
    onApply({})
  }

  return (
    // noValidate: the range is checked here and said under "To"; the date inputs' min/max only
    // limit their pickers, without Chromium's own bubble on top of that message.
    <form
      onSubmit={submit}
      noValidate
      aria-label="Filter history"
      className="grid grid-cols-2 items-end gap-3 rounded-lg border border-border bg-surface p-3 sm:grid-cols-3 lg:grid-cols-6"
    >
      <Input
        label="Symbol"
        value={symbol}
        onChange={(event) => setSymbol(event.target.value)}
        placeholder="e.g. AAPL"
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        maxLength={12}
      />
      <Select
        label="Side"
        value={side}
        onChange={(event) => setSide(event.target.value)}
        options={sideOptions}
      />
      <Input
        label="From"
        type="date"
        value={from}
        max={to || undefined}
        onChange={(event) => setFrom(event.target.value)}
      />
      <Input
        label="To"
        type="date"
        value={to}
        min={from || undefined}
        onChange={(event) => setTo(event.target.value)}
        error={rangeError}
      />
      <Button type="submit" className="col-span-1">
        Apply filters
      </Button>
      <Button type="button" variant="secondary" onClick={clear}>
        Clear filters
      </Button>
    </form>
  )
}
