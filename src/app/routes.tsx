import type { RouteObject } from 'react-router'
import { MarketPage } from '@/features/market/components/market-page'
import { Layout } from './layout'
import { NotFoundPage } from './not-found-page'
import { PageFallback } from './page-fallback'
import { ProtectedRoute } from './protected-route'
import { RouteError } from './route-error'

/**
 * The market is the landing page and ships in the main chunk; every other page (and the chart
 * library with the stock page) is a lazy chunk.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    Component: Layout,
    ErrorBoundary: RouteError,
    HydrateFallback: PageFallback,
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          { index: true, Component: MarketPage },
          {
            path: 'stocks/:symbol',
            lazy: async () => ({
              Component: (await import('@/features/trading/components/stock-page')).StockPage,
            }),
          },
          {
            path: 'sign-in',
            lazy: async () => ({
              Component: (await import('@/features/auth/components/sign-in-page')).SignInPage,
            }),
          },
          {
            path: 'auth/callback',
            lazy: async () => ({
              Component: (await import('@/features/auth/components/auth-callback-page'))
                .AuthCallbackPage,
            }),
          },
          {
            Component: ProtectedRoute,
            children: [
              {
                path: 'portfolio',
                lazy: async () => ({
                  Component: (await import('@/features/portfolio/components/portfolio-page'))
                    .PortfolioPage,
                }),
              },
              {
                path: 'history',
                lazy: async () => ({
                  Component: (await import('@/features/history/components/history-page'))
                    .HistoryPage,
                }),
              },
              {
                path: 'watchlist',
                lazy: async () => ({
                  Component: (await import('@/features/watchlist/components/watchlist-page'))
                    .WatchlistPage,
                }),
              },
              {
                path: 'leaderboard',
                lazy: async () => ({
                  Component: (await import('@/features/leaderboard/components/leaderboard-page'))
                    .LeaderboardPage,
                }),
              },
              {
                path: 'account',
                lazy: async () => ({
                  Component: (await import('@/features/account/components/account-page'))
                    .AccountPage,
                }),
              },
            ],
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]
