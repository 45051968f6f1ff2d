import { useEffect, useRef, useState } from 'react'
import { CandlestickSeries, ColorType, createChart } from 'lightweight-charts'
import type { IChartApi, ISeriesApi } from 'lightweight-charts'
import type { QuoteState } from '@/lib/price-store'
import type { Theme } from '@/lib/theme'
import { liveBar } from './candle-bars'
import type { Bar } from './candle-bars'

const palette = {
  light: { text: '#475569', grid: '#e2e8f0', up: '#047857', down: '#b91c1c' },
  dark: { text: '#9aa8bd', grid: '#1f2b42', up: '#34d399', down: '#fb7185' },
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
  intraday,
  label,
}: {
  bars: readonly Bar[]
  quote: QuoteState | undefined
  dayOpen: number
  theme: Theme
  intraday: boolean
  label: string
}) {
  const container = useRef<HTMLDivElement>(null)
  const chart = useRef<IChartApi | null>(null)
  const series = useRef<ISeriesApi<'Candlestick'> | null>(null)
  const lastBar = useRef<Bar | undefined>(undefined)

  const [supported] = useState(canvasSupported)

  useEffect(() => {
    const node = container.current
    if (!node || !supported) return
    const instance = createChart(node, { autoSize: true, height: 320 })
    chart.current = instance
    series.current = instance.addSeries(CandlestickSeries, { borderVisible: false })
    return () => {
      instance.remove()
      chart.current = null
      series.current = null
    }
  }, [supported])

  useEffect(() => {
    const colours = palette[theme]
    chart.current?.applyOptions({
      layout: {
        background: { type: ColorType.Solid, color: 'transparent' },
        textColor: colours.text,
        // Attribution is a visible text link under the chart instead (license NOTICE).
        attributionLogo: false,
      },
      grid: { vertLines: { color: colours.grid }, horzLines: { color: colours.grid } },
      rightPriceScale: { borderColor: colours.grid },
      timeScale: { borderColor: colours.grid, timeVisible: intraday, secondsVisible: false },
    })
    series.current?.applyOptions({
      upColor: colours.up,
      downColor: colours.down,
      wickUpColor: colours.up,
      wickDownColor: colours.down,
    })
  }, [theme, intraday])

  useEffect(() => {
    series.current?.setData(bars as Bar[])
    lastBar.current = bars.at(-1)
    chart.current?.timeScale().fitContent()
  }, [bars])

  useEffect(() => {
    if (!quote || !series.current) return
    const bar = liveBar(lastBar.current, quote, intraday, dayOpen)
    // update() rejects bars older than the last one (e.g. a quote from before a refetch).
    if (lastBar.current && bar.time < lastBar.current.time) return
    series.current.update(bar)
    lastBar.current = bar
  }, [quote, intraday, dayOpen])

  if (!supported) {
    return (
      <p className="flex h-80 items-center justify-center text-sm text-muted">
        Charts need a browser that supports canvas drawing.
      </p>
    )
  }
  return <div ref={container} role="img" aria-label={label} className="h-80 w-full" />
}
