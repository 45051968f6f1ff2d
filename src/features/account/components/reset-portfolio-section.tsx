import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { toast } from '@/components/ui/toast-store'
import { formatMoney } from '@/lib/format'
import { useResetPortfolio } from '../api/reset-portfolio'
import { TypedConfirmDialog } from './typed-confirm-dialog'

export function ResetPortfolioSection({
  startingCash,
  run,
}: {
  startingCash: number
  run: number
}) {
  const [open, setOpen] = useState(false)
  const reset = useResetPortfolio()

  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      <div>
        <h3 className="text-sm font-medium">Reset portfolio</h3>
        <p className="text-sm text-muted">
          Start over with {formatMoney(startingCash)}: open orders are cancelled and positions
          removed, not sold. Your history so far stays, marked as previous run {run}.
        </p>
      </div>
      <Button variant="secondary" onClick={() => setOpen(true)} className="shrink-0">
        Reset portfolio
      </Button>
      <TypedConfirmDialog
        open={open}
        onClose={() => {
          reset.reset()
          setOpen(false)
        }}
        title="Reset your portfolio?"
        description={
          // reset_portfolio deletes the positions (no sell, no fill) and starts a new run.
          <p>
            Your cash goes back to {formatMoney(startingCash)}, every open order is cancelled and
            every position is removed, not sold. Orders and fills so far stay in your history,
            marked as previous run {run}. This cannot be undone.
          </p>
        }
        word="RESET"
        confirmLabel="Reset portfolio"
        pending={reset.isPending}
        error={reset.error ? `The portfolio was not reset: ${reset.error.message}` : null}
        onConfirm={() =>
          reset.mutate(undefined, {
            onSuccess: (profile) => {
              setOpen(false)
              toast({
                title: 'Portfolio reset',
                description: `Run ${profile.current_run} starts with ${formatMoney(profile.cash)}.`,
                tone: 'success',
                action: { label: 'View portfolio', href: '/portfolio' },
              })
            },
          })
        }
      />
    </div>
  )
}
