import { render, screen, within } from '@testing-library/react'
import type { LeaderboardEntry } from '../api/get-leaderboard'
import { LeaderboardTable } from './leaderboard-table'

const entry = (rank: number, displayName: string, equity: number): LeaderboardEntry => ({
  rank,
  displayName,
  equity,
  returnRatio: equity / 100_000 - 1,
})

const top = [entry(1, 'Grace', 120_000), entry(2, 'Linus', 110_000)]

function rowHeaders() {
  const table = screen.getByRole('table', { name: 'Leaderboard by total return' })
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent)
}

describe('LeaderboardTable', () => {
  it('marks my row when I am among the listed', () => {
    render(<LeaderboardTable entries={top} me={top[1]} />)
    expect(rowHeaders()).toEqual(['Grace', 'LinusYou'])
    expect(screen.getByRole('row', { current: true })).toHaveTextContent('2Linus')
  })

  it('adds my row below the list when I rank beyond it', () => {
    render(<LeaderboardTable entries={top} me={entry(57, 'Ada', 99_000)} />)
    expect(rowHeaders()).toEqual(['Grace', 'Linus', 'AdaYou'])
    expect(screen.getByRole('row', { current: true })).toHaveTextContent('57AdaYou-1.00%')
  })

  it('keeps the sign and colour of a return that rounds to 0.00%', () => {
    render(
      <LeaderboardTable
        entries={[
          entry(1, 'Grace', 100_001),
          entry(2, 'Linus', 100_000),
          entry(3, 'Ada', 99_998.7),
        ]}
        me={null}
      />,
    )
    const table = screen.getByRole('table', { name: 'Leaderboard by total return' })
    // The cell also holds the equity, for phones.
    const cell = (name: string) =>
      within(within(table).getByRole('rowheader', { name }).closest('tr')!).getByText(/%/)
    expect(cell('Grace')).toHaveTextContent(/^\+0\.00%/)
    expect(cell('Grace')).toHaveClass('text-up')
    expect(cell('Linus')).toHaveTextContent(/^0\.00%/)
    expect(cell('Linus')).toHaveClass('text-muted')
    expect(cell('Ada')).toHaveTextContent(/^-0\.00%/)
    expect(cell('Ada')).toHaveClass('text-down')
  })

  it('marks nothing when I am not listed', () => {
    render(<LeaderboardTable entries={top} me={null} />)
    expect(rowHeaders()).toEqual(['Grace', 'Linus'])
    expect(screen.queryByRole('row', { current: true })).not.toBeInTheDocument()
  })
})
