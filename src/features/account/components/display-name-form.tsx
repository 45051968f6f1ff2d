import { useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { toast } from '@/components/ui/toast-store'
import {
  DISPLAY_NAME_MAX,
  displayNameLength,
  displayNameSchema,
  useUpdateSettings,
} from '../api/update-settings'

export function DisplayNameForm({ userId, current }: { userId: string; current: string }) {
  const [name, setName] = useState(current)
  const [error, setError] = useState<string | undefined>()
  const update = useUpdateSettings(userId)
  const length = displayNameLength(name)
  // Said as soon as it happens: the input has no maxLength, so a long paste is kept, not cut.
  const tooLong = length > DISPLAY_NAME_MAX

  function submit(event: FormEvent) {
    event.preventDefault()
    const parsed = displayNameSchema.safeParse(name)
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message)
      return
    }
    setError(undefined)
    update.mutate(
      { display_name: parsed.data },
      {
        onSuccess: () => {
          setName(parsed.data)
          toast({ title: 'Display name saved', description: parsed.data, tone: 'success' })
        },
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <Input
        label="Display name"
        value={name}
        onChange={(event) => {
          setName(event.target.value)
          // A message about the submitted value goes once the value changes.
          setError(undefined)
        }}
        autoComplete="nickname"
        hint={
          <span className="flex justify-between gap-2">
            <span>
              Shown on the leaderboard if you join it. 1 to {DISPLAY_NAME_MAX} characters.
            </span>{' '}
            <span className={tooLong ? 'text-down tabular-nums' : 'tabular-nums'}>
              {length}/{DISPLAY_NAME_MAX} <span className="sr-only">characters used</span>
            </span>
          </span>
        }
        error={
          (tooLong
            ? `Use at most ${DISPLAY_NAME_MAX} characters: this name has ${length}.`
            : error) ?? (update.error ? `Not saved: ${update.error.message}` : undefined)
        }
        className="w-full sm:max-w-sm"
      />
      <Button
        type="submit"
        loading={update.isPending}
        disabled={name.trim() === current}
        className="sm:mt-6"
      >
        Save name
      </Button>
    </form>
  )
}
