import { render, screen } from '@testing-library/react'
import type { UTCTimestamp } from 'lightweight-charts'
import type { QuoteState } from '@/lib/price-store'
import { CandleChart } from './candle-chart'

// jsdom draws no canvas, so the library is replaced by a recorder of what the chart asks of it.
const calls = vi.hoisted(() => ({
  series: [] as {
    type: string
    options: unknown
    pane: number | undefined
    scale: unknown[]
    data: unknown[]
  }[],
  priceLines: [] as unknown[],
  stretch: [] as number[],
  markers: [] as unknown[][],
}))

vi.mock('lightweight-charts', () => {
  function fakeSeries(type: string, options: unknown, pane: number | undefined) {
    const entry = { type, options, pane, scale: [] as unknown[], data: [] as unknown[] }
    calls.series.push(entry)
    return {
      priceScale: () => ({ applyOptions: (o: unknown) => entry.scale.push(o) }),
      applyOptions: () => {},
      setData: (data: unknown[]) => void (entry.data = data),
      update: () => {},
      data: () => [],
      subscribeDataChanged: () => {},
      createPriceLine: (o: unknown) => {
        calls.priceLines.push(o)
        return { applyOptions: (next: unknown) => calls.priceLines.push(next) }
      },
      removePriceLine: () => {},
    }
  }
  return {
    CandlestickSeries: 'Candlestick',
    HistogramSeries: 'Histogram',
    ColorType: { Solid: 'solid' },
    LineStyle: { Dotted: 1 },
    TickMarkType: { Year: 0, Month: 1, DayOfMonth: 2, Time: 3, TimeWithSeconds: 4 },
    createSeriesMarkers: () => ({
      setMarkers: (markers: unknown[]) => void calls.markers.push(markers),
    }),
    createChart: () => ({
      addSeries: (type: string, options: unknown, pane?: number) => fakeSeries(type, options, pane),
      panes: () => [0, 1].map(() => ({ setStretchFactor: (f: number) => calls.stretch.push(f) })),
      applyOptions: () => {},
      subscribeCrosshairMove: () => {},
      timeScale: () => ({ fitContent: () => {} }),
      remove: () => {},
    }),
  }
})

beforeEach(() => {
  calls.series.length = 0
  calls.priceLines.length = 0
  calls.stretch.length = 0
  calls.markers.length = 0
  vi.stubGlobal('ResizeObserver', class {})
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(
    {} as CanvasRenderingContext2D,
  )
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const quote: QuoteState = {
  symbol: 'AAPL',
  price: 230,
  previous_close: 229,
  day_high: 231,
  day_low: 229,
  volume: 1000,
  previousPrice: null,
  direction: 'flat',
  changeSeq: 0,
  asOf: 0,
}

const bar = {
  time: 1_763_856_000 as UTCTimestamp,
  open: 230,
  high: 231,
  low: 229,
  close: 230.5,
  volume: 1000,
}

type ChartProps = Parameters<typeof CandleChart>[0]

/** 1W with a day's bar and then an hour's. */
function weekChart(day: typeof bar, hour: typeof bar, props: Partial<ChartProps> = {}) {
  return (
    <CandleChart
      bars={[day, hour]}
      quote={undefined}
      dayOpen={230}
      theme="light"
      resolution="hour"
      hourlyFrom={hour.time}
      label="AAPL candlestick chart"
      {...props}
    />
  )
}

function renderChart(baseline?: number) {
  render(
    <CandleChart
      bars={[bar]}
      quote={undefined}
      dayOpen={230}
      theme="light"
      resolution="minute"
      label="AAPL candlestick chart"
      baseline={baseline}
    />,
  )
}

describe('CandleChart', () => {
  it('keeps the price axis to the candles: volume in a pane of its own, unlabelled', () => {
    renderChart()
    const candles = calls.series.find((s) => s.type === 'Candlestick')
    const volume = calls.series.find((s) => s.type === 'Histogram')
    expect(candles?.pane).toBeUndefined()
    // On the candles' pane the price axis labelled the volume bars' band too (224.00).
    expect(volume?.pane).toBe(1)
    expect(volume?.options).toMatchObject({ priceScaleId: '' })
    expect(volume?.scale).toContainEqual({ scaleMargins: { top: 0.1, bottom: 0 } })
    expect(calls.stretch).toEqual([3, 1])
    // Room above the highest candle, and no label cut in half at the pane's edge (150.00).
    expect(candles?.scale).toContainEqual(
      expect.objectContaining({
        scaleMargins: expect.objectContaining({ top: 0.1 }),
        entireTextOnly: true,
      }),
    )
  })

  it('draws the previous close as a dotted line without an axis tag, priced above the chart', () => {
    renderChart(229.5)
    // The tag covered the axis label at its price (230.00).
    expect(calls.priceLines).toEqual([
      expect.objectContaining({ price: 229.5, lineStyle: 1, axisLabelVisible: false }),
    ])
    expect(screen.getByTestId('chart-baseline')).toHaveTextContent('Prev close $229.50')
    // Beside the bar's legend, not in it: that line is the bar's figures alone (e2e journey).
    expect(screen.getByTestId('chart-legend')).not.toHaveTextContent('Prev close')
  })

  it("draws 1W's days before its hours with no volume bar, which would flatten the hours'", () => {
    const day = { ...bar, time: 1_763_337_600 as UTCTimestamp, volume: 50_000_000 }
    const hour = { ...bar, time: 1_763_856_000 as UTCTimestamp, volume: 2_000_000 }
    render(weekChart(day, hour))
    const candles = calls.series.find((s) => s.type === 'Candlestick')
    const volume = calls.series.find((s) => s.type === 'Histogram')
    const offset = -new Date(hour.time * 1000).getTimezoneOffset() * 60
    // the day where it is, then a whitespace point for each missing day, then the hour, placed
    expect(candles?.data.at(0)).toMatchObject({ time: day.time, close: 230.5 })
    expect(candles?.data.at(-1)).toMatchObject({ time: hour.time + offset, close: 230.5 })
    expect(volume?.data).toEqual([
      { time: day.time },
      expect.objectContaining({ time: hour.time + offset, value: 2_000_000 }),
    ])
  })

  it("marks the user's buys under their bars and sells over them, placed as the bars are", () => {
    const day = { ...bar, time: 1_763_337_600 as UTCTimestamp }
    const hour = { ...bar, time: 1_763_856_000 as UTCTimestamp }
    const trades = [
      { time: day.time, side: 'buy' as const, quantity: 2, fills: 1 },
      { time: hour.time, side: 'sell' as const, quantity: 1, fills: 1 },
    ]
    const chart = (props: Partial<ChartProps>) => weekChart(day, hour, { theme: 'dark', ...props })
    const { rerender } = render(chart({ trades }))
    const offset = -new Date(hour.time * 1000).getTimezoneOffset() * 60
    expect(calls.markers.at(-1)).toEqual([
      { time: day.time, position: 'belowBar', shape: 'arrowUp', color: '#34d399', text: 'B' },
      {
        time: hour.time + offset,
        position: 'aboveBar',
        shape: 'arrowDown',
        color: '#fb7185',
        text: 'S',
      },
    ])
    expect(screen.getByTestId('chart-trades-key')).toHaveTextContent('▲ Your buys ▼ sells')

    // A tick re-renders the chart: the same marks are not set again.
    const set = calls.markers.length
    rerender(chart({ trades, quote: { ...quote, price: 231 } }))
    expect(calls.markers.length).toBe(set)

    // No trades (none yet, or signed out): no marks and no key.
    rerender(chart({ quote: { ...quote, price: 231 } }))
    expect(calls.markers.at(-1)).toEqual([])
    expect(screen.queryByTestId('chart-trades-key')).not.toBeInTheDocument()
  })

  it('has no previous-close line or key without a baseline', () => {
    renderChart()
    expect(calls.priceLines).toEqual([])
    expect(screen.queryByTestId('chart-baseline')).not.toBeInTheDocument()
  })
})
