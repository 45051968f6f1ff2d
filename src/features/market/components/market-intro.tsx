/*
 * The market page's heading. index.html's app shell paints it too, before the JavaScript has
 * arrived (src/app/app-shell.tsx): this file imports nothing, so the shell's build can render it.
 */

/** The market page's column: its intro first, then the search and the list. */
export const marketPageClass = 'flex flex-col gap-4'

/** The heading and the line under it, at the top of the market page. */
export function MarketIntro() {
  return (
    <div className="flex flex-col gap-1">
      <h1 className="text-2xl font-semibold">Market</h1>
      <p className="text-sm text-muted">
        Live simulated prices for well-known US stocks. Select one to trade.
      </p>
    </div>
  )
}
