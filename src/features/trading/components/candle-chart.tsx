import { useEffect, useMemo, useRef, useState } from 'react'
import {
  CandlestickSeries,
  ColorType,
  HistogramSeries,
  LineStyle,
  createChart,
  createSeriesMarkers,
} from 'lightweight-charts'
import type {
  AutoscaleInfo,
  CandlestickData,
  HistogramData,
  IChartApi,
  IPriceLine,
  ISeriesApi,
  ISeriesMarkersPluginApi,
  SeriesMarker,
  TickMarkType,
  WhitespaceData,
  Time,
  UTCTimestamp,
} from 'lightweight-charts'
import { formatCompact, formatCurrency } from '@/lib/format'
import type { QuoteState } from '@/lib/price-store'
import type { Theme } from '@/lib/theme'
import { BAR_SECONDS, gapTimes, liveBar, rangeWith, timeAxis } from './candle-bars'
import type { Bar, Resolution, TimeAxis, TradeMark } from './candle-bars'

const palette = {
  light: {
    text: '#475569',
    grid: '#e2e8f0',
    up: '#047857',
    down: '#b91c1c',
    upVolume: 'rgba(4, 120, 87, 0.35)',
    downVolume: 'rgba(185, 28, 28, 0.35)',
  },
  dark: {
    text: '#9aa8bd',
    grid: '#1f2b42',
    up: '#34d399',
    down: '#fb7185',
    upVolume: 'rgba(52, 211, 153, 0.35)',
    downVolume: 'rgba(251, 113, 133, 0.35)',
  },
}

/** The volume bars' pane, under the candles' (pane 0). */
const VOLUME_PANE = 1

/**
 * A bar's volume bar. On 1W the days before the hours have none: a day's volume is some 24
 * hours' worth and would flatten the hours' bars to nothing (the legend still says it).
 */
function volumeBar(
  bar: Bar,
  theme: Theme,
  axis: TimeAxis,
  hourlyFrom = -Infinity,
): HistogramData<UTCTimestamp> | WhitespaceData<UTCTimestamp> {
  if (bar.time < hourlyFrom) return { time: axis.place(bar.time) }
  const colours = palette[theme]
  return {
    time: axis.place(bar.time),
    value: bar.volume,
    color: bar.close >= bar.open ? colours.upVolume : colours.downVolume,
  }
}

const NO_TRADES: readonly TradeMark[] = []

/** The user's buys under their bars and sells over them, as arrows in the up and down colours. */
function tradeMarker(mark: TradeMark, theme: Theme, axis: TimeAxis): SeriesMarker<UTCTimestamp> {
  const buy = mark.side === 'buy'
  return {
    time: axis.place(mark.time),
    position: buy ? 'belowBar' : 'aboveBar',
    shape: buy ? 'arrowUp' : 'arrowDown',
    color: palette[theme][buy ? 'up' : 'down'],
    text: buy ? 'B' : 'S',
  }
}

function canvasSupported(): boolean {
  try {
    return (
      typeof ResizeObserver !== 'undefined' && !!document.createElement('canvas').getContext('2d')
    )
  } catch {
    return false
  }
}

/**
 * Candlestick chart (lightweight-charts, loaded with the stock page only). `bars` replaces the
 * data; `live` updates just the last bar, which is what a tick should cost.
 */
export function CandleChart({
  bars,
  quote,
  dayOpen,
  theme,
  resolution,
  hourlyFrom,
  label,
  baseline,
  trades = NO_TRADES,
}: {
  bars: readonly Bar[]
  quote: QuoteState | undefined
  dayOpen: number
  theme: Theme
  /** What the last bars span, and what a live quote updates. */
  resolution: Resolution
  /** With hours: the first hour's UTC time (seconds); the bars before it are days. */
  hourlyFrom?: number
  label: string
  /** A dotted line the chart keeps in view: the previous close, on 1D. */
  baseline?: number
  /** The user's trades in the bars on the chart, marked with arrows. */
  trades?: readonly TradeMark[]
}) {
  const container = useRef<HTMLDivElement>(null)
  const chart = useRef<IChartApi | null>(null)
  const series = useRef<ISeriesApi<'Candlestick'> | null>(null)
  const volumes = useRef<ISeriesApi<'Histogram'> | null>(null)
  const markers = useRef<ISeriesMarkersPluginApi<Time> | null>(null)
  const lastBar = useRef<Bar | undefined>(undefined)
  const lastVolume = useRef<number | undefined>(undefined)
  // The volumes of bars drawn without a volume bar (volumeBar), by drawn time, for the legend.
  const unbarredVolumes = useRef(new Map<Time, number>())
  const baselineLine = useRef<IPriceLine | null>(null)
  // Read by the series' autoscale on every redraw, so it needs no re-subscription.
  const baselinePrice = useRef<number | undefined>(undefined)
  // The legend: the bar under the crosshair, else the latest bar.
  const [hovered, setHovered] = useState<Bar | null>(null)
  const [latest, setLatest] = useState<Bar | undefined>(undefined)

  const [supported] = useState(canvasSupported)
  const axis = useMemo(() => timeAxis(resolution, { hourlyFrom }), [resolution, hourlyFrom])

  useEffect(() => {
    const node = container.current
    if (!node || !supported) return
    const instance = createChart(node, { autoSize: true, height: 320 })
    chart.current = instance
    const candles = instance.addSeries(CandlestickSeries, {
      borderVisible: false,
      autoscaleInfoProvider: (original: () => AutoscaleInfo | null) =>
        rangeWith(original(), baselinePrice.current),
    })
    // Volume bars get a pane of their own under the candles: a price scale labels its whole
    // pane, margins included, so on one shared pane its labels (224.00) ran on beside the volume
    // bars. On an overlay scale ('') the bars have no labels; the legend says the volume.
    const volume = instance.addSeries(
      HistogramSeries,
      {
        priceFormat: { type: 'volume' },
        priceScaleId: '',
        lastValueVisible: false,
        priceLineVisible: false,
      },
      VOLUME_PANE,
    )
    volume.priceScale().applyOptions({ scaleMargins: { top: 0.1, bottom: 0 } })
    // entireTextOnly drops a top or bottom label the pane's edge would cut in half (150.00).
    candles
      .priceScale()
      .applyOptions({ scaleMargins: { top: 0.1, bottom: 0.08 }, entireTextOnly: true })
    const [pricePane, volumePane] = instance.panes()
    pricePane.setStretchFactor(3)
    volumePane.setStretchFactor(1)
    series.current = candles
    volumes.current = volume
    markers.current = createSeriesMarkers(candles)
    // The legend's default is the latest bar, read back whenever the volume bars (the second
    // series a tick or a reload updates) change.
    volume.subscribeDataChanged(() => {
      const candle = candles.data().at(-1) as CandlestickData<UTCTimestamp> | undefined
      const traded = volume.data().at(-1)
      setLatest(
        candle && 'open' in candle
          ? { ...candle, volume: traded && 'value' in traded ? traded.value : 0 }
          : undefined,
      )
    })
    instance.subscribeCrosshairMove((param) => {
      const candle = param.seriesData.get(candles) as CandlestickData<UTCTimestamp> | undefined
      const traded = param.seriesData.get(volume) as HistogramData<UTCTimestamp> | undefined
      const shares =
        traded && 'value' in traded
          ? traded.value
          : (param.time !== undefined && unbarredVolumes.current.get(param.time)) || 0
      setHovered(param.time && candle && 'open' in candle ? { ...candle, volume: shares } : null)
    })
    return () => {
      instance.remove()
      chart.current = null
      series.current = null
      volumes.current = null
      markers.current = null
      baselineLine.current = null
    }
  }, [supported])

  useEffect(() => {
    const candles = series.current
    baselinePrice.current = baseline
    if (!candles) return
    if (baseline === undefined) {
      if (baselineLine.current) candles.removePriceLine(baselineLine.current)
      baselineLine.current = null
      return
    }
    const options = {
      price: baseline,
      color: palette[theme].text,
      lineWidth: 1 as const,
      lineStyle: LineStyle.Dotted,
      // Its tag covered the axis label under it (230.00), and the library shows the line's title
      // only with the tag; a key above the chart names the line and its price instead.
      axisLabelVisible: false,
    }
    if (baselineLine.current) baselineLine.current.applyOptions(options)
    else baselineLine.current = candles.createPriceLine(options)
  }, [baseline, theme])

  useEffect(() => {
    const colours = palette[theme]
    chart.current?.applyOptions({
      layout: {
        background: { type: ColorType.Solid, color: 'transparent' },
        textColor: colours.text,
        // Attribution is a visible text link under the chart instead (license NOTICE).
        attributionLogo: false,
        panes: { separatorColor: colours.grid, enableResize: false },
      },
      grid: { vertLines: { color: colours.grid }, horzLines: { color: colours.grid } },
      rightPriceScale: { borderColor: colours.grid },
      localization: { timeFormatter: (time: Time) => axis.crosshair(time) },
      timeScale: {
        borderColor: colours.grid,
        timeVisible: resolution !== 'day',
        secondsVisible: false,
        tickMarkFormatter: (time: Time, type: TickMarkType) => axis.tick(time, type),
        // The library bolds the labels at UTC day and hour boundaries, which mean nothing in
        // the user's own time on the 1D axis (1W's hours are placed on the user's days).
        allowBoldLabels: resolution !== 'minute',
        // With both edges fixed the library moves the first and last labels inside the axis
        // instead of centring them on a bar at the very edge (cut to ":00" and "19:1").
        fixLeftEdge: true,
        fixRightEdge: true,
        // fitContent spreads the bars over the width: on 1D, a day's first few minutes would be
        // a few slabs. Capped, they stay candles, at the right edge. The daily ranges (7 bars
        // and up) fill the width as they are.
        maxBarSpacing: resolution === 'minute' ? 40 : 0,
      },
    })
    series.current?.applyOptions({
      upColor: colours.up,
      downColor: colours.down,
      wickUpColor: colours.up,
      wickDownColor: colours.down,
    })
  }, [theme, resolution, axis])

  useEffect(() => {
    series.current?.setData(axis.points(bars))
    lastBar.current = bars.at(-1)
    lastVolume.current = undefined
    chart.current?.timeScale().fitContent()
  }, [bars, axis])

  useEffect(() => {
    // Redrawn in full when the theme changes: the bars' colours are data.
    volumes.current?.setData(bars.map((bar) => volumeBar(bar, theme, axis, hourlyFrom)))
    unbarredVolumes.current = new Map(
      bars
        .filter((bar) => hourlyFrom !== undefined && bar.time < hourlyFrom)
        .map((bar) => [axis.place(bar.time), bar.volume]),
    )
  }, [bars, theme, axis, hourlyFrom])

  useEffect(() => {
    markers.current?.setMarkers(trades.map((mark) => tradeMarker(mark, theme, axis)))
  }, [trades, theme, axis])

  useEffect(() => {
    if (!quote || !series.current) return
    const bar = liveBar(lastBar.current, quote, resolution, dayOpen, Date.now(), lastVolume.current)
    lastVolume.current = quote.volume
    // update() rejects bars older than the last one (e.g. a quote from before a refetch).
    if (lastBar.current && bar.time < lastBar.current.time) return
    // Minutes (hours, days) with no quote since the last bar are gaps on the axis, as in setData.
    if (lastBar.current) {
      for (const gap of gapTimes(lastBar.current.time, bar.time, BAR_SECONDS[resolution]))
        series.current.update({ time: axis.place(gap.time) })
    }
    series.current.update({ ...bar, time: axis.place(bar.time) })
    volumes.current?.update(volumeBar(bar, theme, axis))
    lastBar.current = bar
    // The theme is read for the bar's colour only: a theme change redraws everything above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [quote, resolution, dayOpen, axis])

  if (!supported) {
    return (
      <p className="flex h-80 items-center justify-center text-sm text-muted">
        Charts need a browser that supports canvas drawing.
      </p>
    )
  }
  const shown = hovered ?? latest
  return (
    <div>
      <div className="mb-1 flex flex-wrap justify-between gap-x-2 text-xs leading-4 tabular-nums">
        <Legend bar={shown} />
        <div className="flex flex-wrap gap-x-3">
          {trades.length > 0 && <TradesKey />}
          {baseline !== undefined && <BaselineKey price={baseline} />}
        </div>
      </div>
      <div ref={container} role="img" aria-label={label} className="h-80 w-full" />
    </div>
  )
}

/**
 * Open, high, low, close and volume of one bar, above the chart, in the bar's up/down colour.
 * Visual only: the chart's label and the key stats say the same to a screen reader, and
 * following a pointer around is no use to one. Its line is kept while there is no bar yet.
 */
function Legend({ bar }: { bar: Bar | undefined }) {
  const tone = bar && (bar.close >= bar.open ? 'text-up' : 'text-down')
  const items = bar
    ? ([
        ['O', formatCurrency(bar.open)],
        ['H', formatCurrency(bar.high)],
        ['L', formatCurrency(bar.low)],
        ['C', formatCurrency(bar.close)],
      ] as const)
    : []
  return (
    <p aria-hidden="true" data-testid="chart-legend" className="flex min-h-4 flex-wrap gap-x-2">
      {items.map(([name, value]) => (
        <span key={name}>
          <span className="text-muted">{name}</span> <span className={tone}>{value}</span>
        </span>
      ))}
      {bar && (
        <span>
          <span className="text-muted">Vol</span> {formatCompact(bar.volume)}
        </span>
      )}
    </p>
  )
}

/** What the arrows are. Visual only: the stock page lists the trades themselves. */
function TradesKey() {
  return (
    <p aria-hidden="true" data-testid="chart-trades-key">
      <span className="text-up">▲</span> <span className="text-muted">Your buys</span>{' '}
      <span className="text-down">▼</span> <span className="text-muted">sells</span>
    </p>
  )
}

/**
 * The dotted baseline's key and price: the line has no tag on the price axis, where it would
 * cover a label. Visual only, as the legend: the key stats say the previous close.
 */
function BaselineKey({ price }: { price: number }) {
  return (
    <p aria-hidden="true" data-testid="chart-baseline">
      <span className="mr-1 inline-block w-3 border-t border-dotted border-muted align-middle" />
      <span className="text-muted">Prev close</span> {formatCurrency(price)}
    </p>
  )
}
