import { StrictMode, startTransition } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@/app/app'
import { ConfigError } from '@/app/config-error'
import { EnvError, getEnv } from '@/lib/env'
import { startMonitoring } from '@/lib/monitoring'
import { followSystemTheme, syncThemeColor } from '@/lib/theme'
import './index.css'

// index.html's inline script applied the saved theme before paint; the browser bar follows it.
syncThemeColor()
followSystemTheme()

const root = createRoot(document.getElementById('root')!)

try {
  getEnv()
  startMonitoring()
  // At transition priority React renders the first tree in slices, yielding to the browser
  // between them. On a slow phone (4x CPU throttling) that render was one 640 ms task, the
  // longest of the page's load; now only its commit runs as one task.
  startTransition(() => {
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    )
  })
} catch (error) {
  if (!(error instanceof EnvError)) throw error
  console.error(error.message)
  root.render(<ConfigError message={error.message} />)
}
