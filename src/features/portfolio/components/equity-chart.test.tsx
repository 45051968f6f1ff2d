import { render, screen } from '@testing-library/react'
import { EquityChart } from './equity-chart'

describe('EquityChart', () => {
  it('summarises the curve in its accessible name', () => {
    const start = Date.UTC(2026, 10, 20, 14, 0)
    render(
      <EquityChart
        startingCash={100_000}
        points={[
          { at: start, equity: 100_000 },
          { at: start + 60_000, equity: 99_500 },
          { at: start + 120_000, equity: 101_250.5 },
        ]}
      />,
    )
    expect(
      screen.getByRole('img', {
        name: /^Equity from \$100,000\.00 on .+ to \$101,250\.50 now; high \$101,250\.50, low \$99,500\.00\.$/,
      }),
    ).toBeInTheDocument()
    expect(screen.getByText('High $101,250.50')).toBeInTheDocument()
    expect(screen.getByText('Low $99,500.00')).toBeInTheDocument()
  })
})
