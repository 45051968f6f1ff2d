import type { ReactNode } from 'react'
import { TrendingUp } from 'lucide-react'
import { MarketIntro, marketPageClass } from '../features/market/components/market-intro.tsx'

/*
 * The page column and header frame that the layout renders, and that index.html paints as the
 * app shell before the JavaScript has arrived. One source for both, so the shell's header sits
 * exactly where React's does (no layout shift when React takes over). scripts/vite-app-shell.ts
 * renders AppShell into index.html outside the app: this file imports packages and relative
 * paths only (no '@/' alias) and reads no app state.
 */

/** The home link's look: icon and app name side by side. */
export const homeLinkClass = 'flex shrink-0 items-center gap-2 font-semibold'

/**
 * Where the header is crowded: phones (a connection state like "Reconnecting" beside Sign in
 * leaves no room for the app name) and beside the full navigation below lg. There the header's
 * words that can go (the app name, the account name, the connection's detail) are read out
 * only: the home link keeps its icon and the name as its accessible name.
 */
export const hiddenWhenCrowded = 'max-sm:sr-only md:max-lg:sr-only'

/** The full-height column every page sits in: header, main, footer. */
export function PageColumn({ children }: { children: ReactNode }) {
  return <div className="flex min-h-dvh flex-col">{children}</div>
}

/** The page's main column, under the header: the layout's <main>. */
export const mainClass =
  'mx-auto min-h-[calc(100dvh-3.5rem)] w-full max-w-7xl flex-1 px-3 pt-4 pb-8 sm:px-4'

/** The sticky header: the home link, then whatever the page puts beside it, then `below`. */
export function HeaderBar({
  home,
  children,
  below,
}: {
  home: ReactNode
  children?: ReactNode
  below?: ReactNode
}) {
  return (
    <header className="sticky top-0 z-30 border-b border-border bg-bg/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-3 sm:px-4">
        {home}
        {children}
      </div>
      {below}
    </header>
  )
}

/** What the home link shows. */
export function Brand({ name }: { name: string }) {
  return (
    <>
      <TrendingUp className="size-6 text-up" aria-hidden="true" />
      <span className={hiddenWhenCrowded}>{name}</span>
    </>
  )
}

/** index.html's content of #root until React's first render replaces it. */
export function AppShell({ name }: { name: string }) {
  return (
    <PageColumn>
      <HeaderBar
        home={
          <a href="/" className={homeLinkClass}>
            <Brand name={name} />
          </a>
        }
      />
      {/*
        The landing page's heading, where the market page puts it: the first paint shows what the
        page is, and it is the page's largest text, so its largest paint comes with the first one
        rather than when the JavaScript has run. index.html's inline script marks <html> with
        data-landing on the landing page; on any other page the shell shows the header only.
      */}
      <main className={`${mainClass} hidden in-data-landing:block`}>
        <div className={marketPageClass}>
          <MarketIntro />
        </div>
      </main>
      <noscript>
        <p className="mx-auto w-full max-w-7xl px-3 pt-4 sm:px-4">
          {name} needs JavaScript. Turn it on and reload the page.
        </p>
      </noscript>
    </PageColumn>
  )
}
