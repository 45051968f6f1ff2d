import { useId } from 'react'
import { cn } from '@/components/ui/cn'
import { toast } from '@/components/ui/toast-store'
import { useUpdateSettings } from '../api/update-settings'

/** An ARIA switch: the change is saved at once, the way settings toggles usually behave. */
export function LeaderboardToggle({ userId, checked }: { userId: string; checked: boolean }) {
  const update = useUpdateSettings(userId)
  const id = useId()
  const shown =
    update.isPending && update.variables?.show_on_leaderboard !== undefined
      ? update.variables.show_on_leaderboard
      : checked

  function toggle() {
    const next = !shown
    update.mutate(
      { show_on_leaderboard: next },
      {
        onSuccess: () =>
          toast({
            title: next ? 'You are on the leaderboard' : 'You left the leaderboard',
            tone: 'success',
          }),
        onError: (error) =>
          toast({ title: 'The setting was not saved', description: error.message, tone: 'error' }),
      },
    )
  }

  return (
    <div className="flex items-start justify-between gap-4">
      <div>
        <p id={`${id}-label`} className="text-sm font-medium">
          Show me on the leaderboard
        </p>
        <p id={`${id}-hint`} className="text-sm text-muted">
          Others see your display name, equity and return. Never your e-mail.
        </p>
      </div>
      <button
        type="button"
        role="switch"
        aria-checked={shown}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-hint`}
        onClick={toggle}
        disabled={update.isPending}
        className={cn(
          'relative inline-flex h-7 w-12 shrink-0 items-center rounded-full border-2 border-transparent transition-colors disabled:opacity-60',
          shown ? 'bg-primary' : 'bg-[#64748b]',
        )}
      >
        <span
          aria-hidden="true"
          className={cn(
            'inline-block size-5 rounded-full bg-white shadow transition-transform',
            shown ? 'translate-x-5' : 'translate-x-0.5',
          )}
        />
      </button>
    </div>
  )
}
