import { render, screen } from '@testing-library/react'
import { EquityChart } from './equity-chart'

describe('EquityChart', () => {
  it('summarises the curve in its accessible name', () => {
    const start = Date.UTC(2026, 10, 20, 14, 0)
    render(
      <EquityChart
        reference={{ value: 100_000, label: 'starting cash' }}
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
    // High above the curve, Low below it: not both on the top line, where Low read as a top label.
    const chart = screen.getByRole('img')
    const follows = (a: Node, b: Node) =>
      !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)
    expect(follows(screen.getByText('High $101,250.50'), chart)).toBe(true)
    expect(follows(chart, screen.getByText('Low $99,500.00'))).toBe(true)
  })

  it('shows a few dollars on $100,000 as a move, with a starting-cash line its legend matches', () => {
    const start = Date.UTC(2026, 10, 22, 19, 0)
    const { container } = render(
      <EquityChart
        reference={{ value: 100_000, label: 'starting cash' }}
        points={[
          { at: start, equity: 100_000 },
          { at: start + 60_000, equity: 100_002.91 },
          { at: start + 120_000, equity: 99_999.15 },
        ]}
      />,
    )
    const chart = screen.getByRole('img')
    const ys = chart
      .querySelector('polyline')!
      .getAttribute('points')!
      .split(' ')
      .map((point) => Number(point.split(',')[1]))
    // Of a 200-unit-high chart: the $3.76 swing takes a good part of it, not a pixel or two.
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(60)
    const baseline = chart.querySelector('line')!
    expect(Number(baseline.getAttribute('y1'))).toBeGreaterThan(Math.min(...ys))
    expect(Number(baseline.getAttribute('y1'))).toBeLessThan(Math.max(...ys))
    const curveColour = chart.querySelector('polyline')!.getAttribute('stroke')
    expect(baseline.getAttribute('stroke')).not.toBe(curveColour)
    expect(baseline.getAttribute('stroke')).not.toBe('var(--muted)')
    const legend = container.querySelector('figcaption')!
    expect(legend).toHaveTextContent('starting cash $100,000.00')
    const swatch = [...legend.querySelectorAll('line')].find(
      (line) => line.getAttribute('stroke-dasharray') !== null,
    )!
    expect(swatch.getAttribute('stroke')).toBe(baseline.getAttribute('stroke'))
    expect(swatch.getAttribute('stroke-dasharray')).toBe(baseline.getAttribute('stroke-dasharray'))
  })
})
