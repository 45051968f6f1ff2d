import { render, screen } from '@testing-library/react'
import { parseEnv } from '@/lib/env'
import { ConfigError } from './config-error'

describe('ConfigError', () => {
  it('names the missing variable in one plain sentence', () => {
    let message = ''
    try {
      parseEnv({}, false)
    } catch (error) {
      message = (error as Error).message
    }
    render(<ConfigError message={message} />)
    expect(screen.getByRole('heading', { name: 'StockTrade cannot start' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Configuration error: VITE_SUPABASE_URL is missing; VITE_SUPABASE_ANON_KEY is missing. See .env.example.',
    )
  })
})
