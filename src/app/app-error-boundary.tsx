import { Component } from 'react'
import type { ErrorInfo, ReactNode } from 'react'
import { logger } from '@/lib/logger'
import { ErrorScreen } from './route-error'

/** Catches what escapes the router (provider failures) and offers a reload. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  state: { error: unknown } = { error: null }

  static getDerivedStateFromError(error: unknown) {
    return { error }
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    logger.error('uncaught render error', {
      error: error instanceof Error ? error.message : String(error),
      componentStack: info.componentStack,
    })
  }

  render() {
    if (this.state.error) return <ErrorScreen error={this.state.error} />
    return this.props.children
  }
}
