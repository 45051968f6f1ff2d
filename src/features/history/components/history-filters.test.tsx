import { fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { HistoryFiltersForm } from './history-filters'

describe('HistoryFiltersForm', () => {
  it('refuses a range that ends before it starts with its own message only', async () => {
    const user = userEvent.setup()
    const onApply = vi.fn()
    render(<HistoryFiltersForm filters={{}} onApply={onApply} />)
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-21' } })
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-20' } })
    expect(screen.getByText('The end date is before the start date.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Apply filters' }))
    expect(onApply).not.toHaveBeenCalled()
    // The browser adds no validation bubble of its own (From's max is only for its picker).
    expect(screen.getByRole('form', { name: 'Filter history' })).toHaveAttribute('novalidate')
  })
})
