import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Pagination } from './pagination'

describe('Pagination', () => {
  it('shows the range and moves between pages', async () => {
    const user = userEvent.setup()
    const onPage = vi.fn()
    render(<Pagination label="Fills" page={2} pageSize={25} total={60} onPage={onPage} />)
    expect(screen.getByRole('navigation', { name: 'Fills pages' })).toBeInTheDocument()
    expect(screen.getByText('Showing 26–50 of 60')).toBeInTheDocument()
    expect(screen.getByText('Page 2 of 3')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Previous page' }))
    await user.click(screen.getByRole('button', { name: 'Next page' }))
    expect(onPage.mock.calls).toEqual([[1], [3]])
  })

  it('disables the ends, keeping the focus on the button that reached one', async () => {
    const user = userEvent.setup()
    const onPage = vi.fn()
    const { rerender } = render(
      <Pagination label="Orders" page={1} pageSize={25} total={30} onPage={onPage} />,
    )
    expect(screen.getByRole('button', { name: 'Previous page' })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
    const next = screen.getByRole('button', { name: 'Next page' })
    await user.click(next)
    rerender(<Pagination label="Orders" page={2} pageSize={25} total={30} onPage={onPage} />)
    expect(next).toHaveAttribute('aria-disabled', 'true')
    // Not `disabled`: browsers blur a focused button when it becomes disabled (jsdom does not).
    expect(next).toBeEnabled()
    expect(next).toHaveFocus()
    // at an end, a press does nothing
    await user.keyboard('{Enter}')
    expect(onPage.mock.calls).toEqual([[2]])
  })
})
