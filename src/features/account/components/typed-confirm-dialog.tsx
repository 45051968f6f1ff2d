import { useState, type FormEvent, type ReactNode } from 'react'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { Input } from '@/components/ui/input'

/**
 * A destructive action that needs the user to type a word first, so it cannot happen by a
 * stray click or Enter key.
 */
export function TypedConfirmDialog({
  open,
  onClose,
  title,
  description,
  word,
  confirmLabel,
  pending,
  error,
  onConfirm,
}: {
  open: boolean
  onClose: () => void
  title: string
  description: ReactNode
  word: string
  confirmLabel: string
  pending: boolean
  error: string | null
  onConfirm: () => void
}) {
  const [typed, setTyped] = useState('')
  const matches = typed.trim() === word

  function close() {
    setTyped('')
    onClose()
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    if (matches && !pending) onConfirm()
  }

  return (
    <Dialog open={open} onClose={close} title={title} dismissible={!pending}>
      <form onSubmit={submit} className="flex flex-col gap-4">
        <div className="text-sm">{description}</div>
        <Input
          label={
            <>
              Type <span className="font-mono font-bold">{word}</span> to confirm
            </>
          }
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          data-autofocus
        />
        {error && (
          <p role="alert" className="text-sm text-down">
            {error}
          </p>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={close} disabled={pending}>
            Keep everything
          </Button>
          <Button type="submit" variant="danger" disabled={!matches} loading={pending}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
