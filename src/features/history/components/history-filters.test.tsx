import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { HistoryFiltersForm } from './history-filters'

type Filters = Parameters<typeof HistoryFiltersForm>[0]['filters']

/** Stands in for the page: what the form asks for becomes the applied filters it is given. */
function Applied({
  initial = {},
  onChange,
  listed,
}: {
  initial?: Filters
  onChange: (f: Filters) => void
  listed?: ReadonlySet<string>
}) {
  const [filters, setFilters] = useState(initial)
  return (
    <HistoryFiltersForm
      filters={filters}
      listed={listed}
      onChange={(next) => {
        onChange(next)
        setFilters(next)
      }}
    />
  )
}

const message = 'The end date is before the start date.'

describe('HistoryFiltersForm', () => {
  it('applies a side as soon as it is chosen, with no button to press', async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<Applied onChange={onChange} />)
    expect(screen.queryByRole('button', { name: /apply/i })).not.toBeInTheDocument()
    await user.selectOptions(screen.getByLabelText('Side'), 'sell')
    expect(onChange).toHaveBeenCalledTimes(1)
    expect(onChange).toHaveBeenLastCalledWith({ side: 'sell' })
  })

  it('applies the symbol once typing pauses, not per key, and keeps what was typed', async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    // Listed symbols: a slow machine pausing on "AA" must not count as a second application.
    render(<Applied onChange={onChange} listed={new Set(['AAPL'])} />)
    await user.type(screen.getByLabelText('Symbol'), 'aapl')
    expect(onChange).not.toHaveBeenCalled()
    await waitFor(() => expect(onChange).toHaveBeenCalledWith({ symbol: 'AAPL' }))
    expect(onChange).toHaveBeenCalledTimes(1)
    expect(screen.getByLabelText('Symbol')).toHaveValue('aapl')
  })

  it('applies only a listed symbol, and says so once typing pauses on one that is not', async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(<Applied onChange={onChange} listed={new Set(['AAL', 'AAPL', 'MSFT'])} />)
    const symbol = screen.getByLabelText('Symbol')
    // The browser is offered the listed symbols to suggest.
    const suggestions = document.getElementById(symbol.getAttribute('list') ?? '')
    expect(
      Array.from(suggestions?.querySelectorAll('option') ?? [], (option) => option.value),
    ).toEqual(['AAL', 'AAPL', 'MSFT'])
    // A pause on the way to AAPL: not applied (no empty list), and the field says why.
    await user.type(symbol, 'aa')
    expect(await screen.findByText('No listed stock has the symbol AA.')).toBeInTheDocument()
    expect(symbol).toHaveAttribute('aria-invalid', 'true')
    expect(symbol).toHaveAccessibleDescription('No listed stock has the symbol AA.')
    expect(onChange).not.toHaveBeenCalled()
    // Typing on hides the message at once; the listed symbol applies after the pause.
    await user.type(symbol, 'p')
    expect(screen.queryByText(/No listed stock/)).not.toBeInTheDocument()
    await user.type(symbol, 'l')
    await waitFor(() => expect(onChange).toHaveBeenCalledWith({ symbol: 'AAPL' }))
    expect(onChange).toHaveBeenCalledTimes(1)
    expect(symbol).not.toHaveAttribute('aria-invalid')
  })

  it('leaves out a symbol with other characters and says why', async () => {
    const onChange = vi.fn()
    render(<Applied initial={{ side: 'buy' }} onChange={onChange} />)
    const symbol = screen.getByLabelText('Symbol')
    fireEvent.change(symbol, { target: { value: 'BRK B' } })
    expect(symbol).toHaveAccessibleDescription('A symbol has only letters, digits, "." and "-".')
    expect(symbol).toHaveAttribute('aria-invalid', 'true')
    // Past the debounce, the list still has the filters in force.
    await act(() => new Promise((resolve) => setTimeout(resolve, 500)))
    expect(onChange).not.toHaveBeenCalled()
  })

  it('applies a date only once it is complete', () => {
    const onChange = vi.fn()
    render(<Applied onChange={onChange} />)
    const from = screen.getByLabelText('From')
    // Chromium reports each step of typing the year as a date: 0002, 0020, 0202, 2026.
    for (const year of ['0002', '0020', '0202']) {
      fireEvent.change(from, { target: { value: `${year}-11-21` } })
    }
    expect(onChange).not.toHaveBeenCalled()
    fireEvent.change(from, { target: { value: '2026-11-21' } })
    expect(onChange).toHaveBeenCalledTimes(1)
    expect(onChange).toHaveBeenLastCalledWith({ from: '2026-11-21' })
    fireEvent.change(from, { target: { value: '' } })
    expect(onChange).toHaveBeenLastCalledWith({})
  })

  it('keeps the previous range while the new one ends before it starts, and says so below both dates', () => {
    const onChange = vi.fn()
    render(<Applied initial={{ from: '2026-11-18', to: '2026-11-25' }} onChange={onChange} />)
    const from = screen.getByLabelText('From')
    const to = screen.getByLabelText('To')
    fireEvent.change(to, { target: { value: '2026-11-10' } })
    expect(onChange).not.toHaveBeenCalled()
    const error = screen.getByText(message)
    for (const field of [from, to]) {
      expect(field).toHaveAttribute('aria-invalid', 'true')
      expect(field).toHaveAccessibleDescription(message)
      // Not inside either field's own box, where it would push that field out of line.
      expect(field.parentElement).not.toContainElement(error)
    }
    // Other filters still apply, with the range that is in force.
    fireEvent.change(screen.getByLabelText('Side'), { target: { value: 'buy' } })
    expect(onChange).toHaveBeenLastCalledWith({
      side: 'buy',
      from: '2026-11-18',
      to: '2026-11-25',
    })
    expect(screen.getByText(message)).toBeInTheDocument()

    fireEvent.change(from, { target: { value: '2026-11-01' } })
    expect(onChange).toHaveBeenLastCalledWith({
      side: 'buy',
      from: '2026-11-01',
      to: '2026-11-10',
    })
    expect(screen.queryByText(message)).not.toBeInTheDocument()
    expect(to).not.toHaveAttribute('aria-invalid')
    expect(to).not.toHaveAttribute('aria-describedby')
    // The browser adds no validation bubble of its own (From's max is only for its picker).
    expect(screen.getByRole('form', { name: 'Filter history' })).toHaveAttribute('novalidate')
  })

  it('shows filters changed from outside without sending them back', () => {
    const onChange = vi.fn()
    const { rerender } = render(<HistoryFiltersForm filters={{}} onChange={onChange} />)
    rerender(
      <HistoryFiltersForm
        filters={{ symbol: 'MSFT', side: 'sell', from: '2026-11-01' }}
        onChange={onChange}
      />,
    )
    expect(screen.getByLabelText('Symbol')).toHaveValue('MSFT')
    expect(screen.getByLabelText('Side')).toHaveValue('sell')
    expect(screen.getByLabelText('From')).toHaveValue('2026-11-01')
    expect(onChange).not.toHaveBeenCalled()
  })

  it('clears every filter at once and never submits the form', async () => {
    const user = userEvent.setup()
    const onChange = vi.fn()
    render(
      <Applied initial={{ symbol: 'AAPL', side: 'buy', to: '2026-11-20' }} onChange={onChange} />,
    )
    // There is nothing to submit: Enter in a field must not reload the page.
    expect(fireEvent.submit(screen.getByRole('form', { name: 'Filter history' }))).toBe(false)
    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    expect(onChange).toHaveBeenCalledTimes(1)
    expect(onChange).toHaveBeenLastCalledWith({})
    expect(screen.getByLabelText('Symbol')).toHaveValue('')
    expect(screen.getByLabelText('Side')).toHaveValue('')
    expect(screen.getByLabelText('To')).toHaveValue('')
  })
})
