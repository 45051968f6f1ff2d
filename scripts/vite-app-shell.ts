import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import type { Plugin } from 'vite'
import { AppShell } from '../src/app/app-shell.tsx'

/** The name the shell shows when VITE_APP_NAME is not set: the default of src/lib/env.ts. */
const DEFAULT_APP_NAME = 'StockTrade'

/** Where index.html wants the shell: the content of #root. */
const PLACEHOLDER = '<!--app-shell-->'

/**
 * Makes index.html's app shell (the header with the app's name, inside #root until React's
 * first render replaces it) the first paint:
 * - `<!--app-shell-->` in index.html becomes src/app/app-shell.tsx's AppShell, rendered to HTML
 *   with VITE_APP_NAME as the React header shows it: the layout renders the same components;
 * - the build inlines the entry stylesheet (~6.5 KB gzip) in a <style> element, so no request
 *   stands between the HTML and the first paint, and the shell shows while the app's
 *   JavaScript is still downloading (on a slow phone connection, most of a second). The file
 *   stays in the build. The CSP's style-src already allows inline styles.
 * In dev, Vite's client injects the styles: the shell shows unstyled for a moment there.
 */
export function appShell(): Plugin {
  let appName = DEFAULT_APP_NAME
  return {
    name: 'stocktrade:app-shell',
    configResolved(config) {
      appName = String(config.env.VITE_APP_NAME ?? '').trim() || DEFAULT_APP_NAME
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!html.includes(PLACEHOLDER)) throw new Error(`index.html has no ${PLACEHOLDER}`)
        const named = html.replace(
          PLACEHOLDER,
          renderToStaticMarkup(createElement(AppShell, { name: appName })),
        )
        if (!bundle) return named
        return named.replace(
          /<link rel="stylesheet"[^>]*? href="\/([^"]+\.css)"[^>]*>/g,
          (link, fileName: string) => {
            const asset = bundle[fileName]
            if (asset?.type !== 'asset') return link
            const css =
              typeof asset.source === 'string'
                ? asset.source
                : new TextDecoder().decode(asset.source)
            // Cannot happen with Tailwind's output; if it ever did, the link still works.
            if (/<\/style/i.test(css)) return link
            return `<style>${css}</style>`
          },
        )
      },
    },
  }
}
