import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { EnvError, getEnv } from '@/lib/env'
import './index.css'

const root = createRoot(document.getElementById('root')!)

/** A bad configuration gets one plain screen naming the variable, not a crashed app. */
function renderConfigError(message: string) {
  root.render(
    <main
      style={{ maxWidth: 640, margin: '4rem auto', padding: '0 1rem', fontFamily: 'system-ui' }}
    >
      <h1 style={{ fontSize: '1.25rem', fontWeight: 600 }}>StockTrade cannot start</h1>
      <p role="alert" style={{ marginTop: '1rem' }}>
        {message}
      </p>
    </main>,
  )
}

async function start() {
  try {
    getEnv()
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message)
      renderConfigError(error.message)
      return
    }
    throw error
  }
  // Loaded only after the environment is known to be valid (the client reads it on import).
  const [{ App }, { startMonitoring }] = await Promise.all([
    import('@/app/app'),
    import('@/lib/monitoring'),
  ])
  startMonitoring()
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}

void start()
