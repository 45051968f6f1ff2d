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

  it('disables the ends', () => {
    render(<Pagination label="Orders" page={1} pageSize={25} total={10} onPage={() => {}} />)
    expect(screen.getByText('Showing 1–10 of 10')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled()
  })
})
