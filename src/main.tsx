import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@/app/app'
import { EnvError, getEnv } from '@/lib/env'
import { startMonitoring } from '@/lib/monitoring'
import './index.css'

const root = createRoot(document.getElementById('root')!)

/** A bad configuration gets one plain screen naming the variable, not a crashed app. */
function ConfigError({ message }: { message: string }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-xl font-semibold">StockTrade cannot start</h1>
      <p role="alert" className="mt-4">
        {message}
      </p>
    </main>
  )
}

try {
  getEnv()
  startMonitoring()
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
} catch (error) {
  if (!(error instanceof EnvError)) throw error
  console.error(error.message)
  root.render(<ConfigError message={error.message} />)
}
