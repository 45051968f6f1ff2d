import { useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { toast } from '@/components/ui/toast-store'
import { displayNameSchema, useUpdateSettings } from '../api/update-settings'

export function DisplayNameForm({ userId, current }: { userId: string; current: string }) {
  const [name, setName] = useState(current)
  const [error, setError] = useState<string | undefined>()
  const update = useUpdateSettings(userId)

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
        onChange={(event) => setName(event.target.value)}
        maxLength={60}
        autoComplete="nickname"
        hint="Shown on the leaderboard if you join it. 1 to 60 characters."
        error={error ?? (update.error ? `Not saved: ${update.error.message}` : undefined)}
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
