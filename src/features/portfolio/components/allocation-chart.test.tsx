import { render, screen, within } from '@testing-library/react'
import { AllocationChart } from './allocation-chart'

function slice(label: string, value: number, total: number) {
  return { label, value, share: value / total }
}

describe('AllocationChart', () => {
  it('names every slice in the chart and lists it with value and share in the legend', () => {
    render(<AllocationChart slices={[slice('AAPL', 600, 1_000), slice('Cash', 400, 1_000)]} />)
    expect(
      screen.getByRole('img', { name: 'Allocation by market value: AAPL 60.0%, Cash 40.0%.' }),
    ).toBeInTheDocument()
    const legend = screen.getByRole('list', { name: 'Allocation legend' })
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['AAPL$600.0060.0%', 'Cash$400.0040.0%'])
  })

  it('folds small holdings into "Other" so the donut stays readable', () => {
    const symbols = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']
    const total = symbols.length * 100
    render(<AllocationChart slices={symbols.map((symbol) => slice(symbol, 100, total))} />)
    const items = within(screen.getByRole('list', { name: 'Allocation legend' })).getAllByRole(
      'listitem',
    )
    expect(items).toHaveLength(7)
    expect(items[6]).toHaveTextContent('Other (3)$300.0033.3%')
  })

  it('says so when there is nothing to allocate', () => {
    render(<AllocationChart slices={[]} />)
    expect(screen.getByText('Nothing to allocate yet.')).toBeInTheDocument()
  })
})
